/**
 * A second, generated dataset for the "works on any graph" tests: European airports and cities. Other
 * labels (`Airport`, `City`), other relationship types (`ROUTE`, `LOCATED_IN`), captions in `title`, codes in
 * `code`, no `id` property (so nodes travel by elementId), no evidence fields, and no full-text index.
 */
import type { Database } from '../../server/src/db/database.ts';
import { SEARCH_INDEX, quoteName } from '../../server/src/graph/search-index.ts';
import { wipeDatabase } from '../../seed/loader.ts';

export const CITIES: ReadonlyArray<{ title: string; country: string }> = [
  { title: 'Frankfurt', country: 'Germany' },
  { title: 'Munich', country: 'Germany' },
  { title: 'Berlin', country: 'Germany' },
  { title: 'Paris', country: 'France' },
  { title: 'Lyon', country: 'France' },
  { title: 'London', country: 'United Kingdom' },
  { title: 'Madrid', country: 'Spain' },
  { title: 'Barcelona', country: 'Spain' },
  { title: 'Rome', country: 'Italy' },
  { title: 'Milan', country: 'Italy' },
  { title: 'Amsterdam', country: 'Netherlands' },
  { title: 'Vienna', country: 'Austria' },
  { title: 'Zurich', country: 'Switzerland' },
  { title: 'Geneva', country: 'Switzerland' },
  { title: 'Copenhagen', country: 'Denmark' },
  { title: 'Dublin', country: 'Ireland' },
  { title: 'Lisbon', country: 'Portugal' },
  { title: 'Nuuk', country: 'Greenland' },
];

export const AIRPORTS: ReadonlyArray<{ code: string; title: string; city: string }> = [
  { code: 'FRA', title: 'Frankfurt am Main Airport', city: 'Frankfurt' },
  { code: 'MUC', title: 'Munich Airport', city: 'Munich' },
  { code: 'BER', title: 'Berlin Brandenburg Airport', city: 'Berlin' },
  { code: 'CDG', title: 'Paris Charles de Gaulle Airport', city: 'Paris' },
  { code: 'ORY', title: 'Paris Orly Airport', city: 'Paris' },
  { code: 'LYS', title: 'Lyon Saint-Exupéry Airport', city: 'Lyon' },
  { code: 'LHR', title: 'London Heathrow Airport', city: 'London' },
  { code: 'LGW', title: 'London Gatwick Airport', city: 'London' },
  { code: 'STN', title: 'London Stansted Airport', city: 'London' },
  { code: 'MAD', title: 'Adolfo Suárez Madrid–Barajas Airport', city: 'Madrid' },
  { code: 'BCN', title: 'Josep Tarradellas Barcelona–El Prat Airport', city: 'Barcelona' },
  { code: 'FCO', title: 'Rome Fiumicino Airport', city: 'Rome' },
  { code: 'CIA', title: 'Rome Ciampino Airport', city: 'Rome' },
  { code: 'MXP', title: 'Milan Malpensa Airport', city: 'Milan' },
  { code: 'LIN', title: 'Milan Linate Airport', city: 'Milan' },
  { code: 'AMS', title: 'Amsterdam Airport Schiphol', city: 'Amsterdam' },
  { code: 'VIE', title: 'Vienna International Airport', city: 'Vienna' },
  { code: 'ZRH', title: 'Zurich Airport', city: 'Zurich' },
  { code: 'GVA', title: 'Geneva Airport', city: 'Geneva' },
  { code: 'CPH', title: 'Copenhagen Airport', city: 'Copenhagen' },
  { code: 'DUB', title: 'Dublin Airport', city: 'Dublin' },
  { code: 'LIS', title: 'Humberto Delgado Airport', city: 'Lisbon' },
  { code: 'GOH', title: 'Nuuk Airport', city: 'Nuuk' },
];

/** Scheduled routes, one relationship per pair (direction: as listed). Nuuk (GOH) has none: it is cut off. */
export const ROUTES: ReadonlyArray<[string, string]> = [
  ...(['MUC', 'BER', 'CDG', 'LHR', 'MAD', 'FCO', 'AMS', 'VIE', 'ZRH', 'CPH', 'LIS'].map((to) => ['FRA', to]) as Array<[string, string]>),
  ['MUC', 'BER'], ['MUC', 'CDG'], ['MUC', 'LHR'], ['MUC', 'FCO'], ['MUC', 'VIE'],
  ['LHR', 'CDG'], ['LHR', 'AMS'], ['LHR', 'MAD'], ['LHR', 'DUB'], ['LHR', 'ZRH'],
  ['CDG', 'AMS'], ['CDG', 'BCN'], ['CDG', 'FCO'], ['CDG', 'MXP'], ['CDG', 'LYS'],
  ['LGW', 'BCN'], ['LGW', 'LIS'], ['LGW', 'DUB'],
  ['STN', 'DUB'], ['CIA', 'STN'],
  ['MAD', 'BCN'], ['MAD', 'LIS'],
  ['ORY', 'LYS'], ['LIN', 'FCO'], ['LIN', 'ORY'], ['FCO', 'BCN'],
  ['AMS', 'CPH'], ['VIE', 'ZRH'], ['GVA', 'LHR'], ['GVA', 'CDG'],
];

/**
 * Empties the database, drops the seed's full-text index and constraints (a database that never saw the
 * seed has neither, and a constraint keeps its label in `db.labels()`), and creates the airport graph.
 */
export async function loadAirportGraph(db: Database): Promise<void> {
  await wipeDatabase(db, () => undefined);
  await db.writeTransaction((run) => run(`DROP INDEX ${quoteName(SEARCH_INDEX.name)} IF EXISTS`));
  for (const row of await db.read('SHOW CONSTRAINTS YIELD name RETURN name')) {
    await db.writeTransaction((run) => run(`DROP CONSTRAINT ${quoteName(String(row.name))} IF EXISTS`));
  }
  await db.writeTransaction(async (run) => {
    await run('UNWIND $cities AS city CREATE (:City {title: city.title, country: city.country})', { cities: CITIES });
    await run(
      `UNWIND $airports AS airport
       MATCH (city:City {title: airport.city})
       CREATE (:Airport {code: airport.code, title: airport.title})-[:LOCATED_IN]->(city)`,
      { airports: AIRPORTS },
    );
    await run(
      `UNWIND $routes AS route
       MATCH (a:Airport {code: route[0]}), (b:Airport {code: route[1]})
       CREATE (a)-[:ROUTE]->(b)`,
      { routes: ROUTES },
    );
  });
}

/** The elementId of the airport with `code` (the id the API uses for nodes without an `id` property). */
export async function airportId(db: Database, code: string): Promise<string> {
  const rows = await db.read('MATCH (a:Airport {code: $code}) RETURN elementId(a) AS id', { code });
  const id = rows[0]?.id;
  if (typeof id !== 'string') throw new Error(`airportId: no airport "${code}".`);
  return id;
}
