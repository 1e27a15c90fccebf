/**
 * A failed run as the server described it: title and message by code, the facts from `details`, the
 * next step, and for a missing parameter a button that adds it to the parameters.
 */
import type { ErrorDescription } from './cypher-errors.ts';
import './ErrorView.css';

interface ErrorViewProps {
  error: ErrorDescription;
  onAddParameter?(name: string): void;
}

export function ErrorView({ error, onAddParameter }: ErrorViewProps) {
  return (
    <div className="wb-error" role="alert" data-testid="workbench-error" data-code={error.code}>
      <h3 className="wb-error-title">{error.title}</h3>
      <p className="wb-error-message">{error.message}</p>
      {error.facts.length > 0 && (
        <dl className="wb-facts wb-error-facts">
          {error.facts.map(([label, value], index) => (
            <div key={index}>
              <dt>{label}</dt>
              <dd>{value}</dd>
            </div>
          ))}
        </dl>
      )}
      {error.hint && <p className="muted">{error.hint}</p>}
      {error.parameter && onAddParameter && (
        <button type="button" className="button wb-button-small" onClick={() => onAddParameter(error.parameter as string)}>
          Add ${error.parameter} to the parameters
        </button>
      )}
      <p className="muted small">
        <code>{error.code}</code>
      </p>
    </div>
  );
}
