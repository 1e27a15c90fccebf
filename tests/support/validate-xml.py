"""Validates XML files against an XML Schema kept inside a jar (a zip), with libxml2 through lxml.

The schema's imports (e.g. schemaLocation="xlink.xsd") are read from the same jar, so nothing is fetched
from the network. Prints one line per problem, "FILE:LINE:COLUMN message", and exits 1 when there was any.

Usage: python3 validate-xml.py JAR SCHEMA_IN_JAR FILE...
"""
import posixpath
import sys
import zipfile

from lxml import etree


class JarResolver(etree.Resolver):
    def __init__(self, jar):
        super().__init__()
        self.jar = jar

    def resolve(self, url, pubid, context):
        name = posixpath.basename(url or "")
        if name in self.jar.namelist():
            return self.resolve_string(self.jar.read(name), context, base_url=f"jar:/{name}")
        return None


def main(jar_path, schema_name, files):
    with zipfile.ZipFile(jar_path) as jar:
        parser = etree.XMLParser(no_network=True)
        parser.resolvers.add(JarResolver(jar))
        schema = etree.XMLSchema(etree.fromstring(jar.read(schema_name), parser, base_url=f"jar:/{schema_name}"))
    problems = []
    for path in files:
        try:
            document = etree.parse(path, etree.XMLParser(no_network=True, huge_tree=True))
        except etree.XMLSyntaxError as error:
            problems.append(f"{path}:{error.lineno}:{error.offset} {error.msg}")
            continue
        if not schema.validate(document):
            problems.extend(f"{path}:{e.line}:{e.column} {e.message}" for e in schema.error_log)
    for problem in problems:
        print(problem)
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1], sys.argv[2], sys.argv[3:]))
