"""Reads a GraphML file three ways and prints JSON on stdout, for tests/integration/export-api.test.ts.

1. Its structure, checked against GraphML 1.0 with the standard library's XML parser: the root element
   and namespace, typed <key>s before the <graph>, unique node ids, edges between declared nodes, every
   <data> naming a declared key of its element kind, every typed value parsing as its attr.type.
2. networkx.read_graphml: the nodes and edges with their attribute values, each tagged with its Python type,
   and the declared keys (attr.name, and the property key a <desc> names where attr.name differs).
3. igraph (its C core's reader, built on libxml2): the vertex and edge counts, and the vertices' labels and
   the edges' types, so the test can check that a second independent reader sees the same graph. (igraph
   keeps a node's GraphML id in its "id" attribute unless a <data key="id"> takes that name, as a node's
   own `id` property does, so vertices are compared by their labels, not matched by id.)

Usage: python3 read-graphml.py FILE
"""
import json
import math
import sys
import xml.etree.ElementTree as ET

import igraph
import networkx as nx

NS = "{http://graphml.graphdrawing.org/xmlns}"
TYPES = {"boolean", "int", "long", "float", "double", "string"}


def structure_problems(path):
    problems = []
    root = ET.parse(path).getroot()
    if root.tag != f"{NS}graphml":
        return [f"root element is {root.tag}"]
    keys = {}
    children = list(root)
    graph_seen = False
    for child in children:
        if child.tag == f"{NS}key":
            if graph_seen:
                problems.append("a <key> after the <graph>")
            kid, kfor, ktype = child.get("id"), child.get("for"), child.get("attr.type")
            if kid in keys:
                problems.append(f"key {kid} declared twice")
            if kfor not in {"node", "edge", "graph", "all"}:
                problems.append(f"key {kid}: for={kfor}")
            if ktype not in TYPES:
                problems.append(f"key {kid}: attr.type={ktype}")
            keys[kid] = (kfor, ktype)
        elif child.tag == f"{NS}graph":
            graph_seen = True
            if child.get("edgedefault") not in {"directed", "undirected"}:
                problems.append("graph without edgedefault")
    graphs = root.findall(f"{NS}graph")
    if len(graphs) != 1:
        return problems + [f"{len(graphs)} graphs"]
    graph = graphs[0]
    node_ids = set()

    def check_data(element, kind):
        for data in element.findall(f"{NS}data"):
            key = keys.get(data.get("key"))
            if key is None:
                problems.append(f"undeclared key {data.get('key')}")
                continue
            if key[0] not in {kind, "all"}:
                problems.append(f"key {data.get('key')} is for {key[0]}, used on a {kind}")
            text = data.text or ""
            try:
                if key[1] in {"int", "long"}:
                    int(text)
                elif key[1] in {"float", "double"}:
                    float(text)
                elif key[1] == "boolean" and text.lower() not in {"true", "false"}:
                    raise ValueError(text)
            except ValueError:
                problems.append(f"value {text!r} is not a {key[1]}")

    for node in graph.findall(f"{NS}node"):
        nid = node.get("id")
        if nid in node_ids:
            problems.append(f"node id {nid} twice")
        node_ids.add(nid)
        check_data(node, "node")
    for edge in graph.findall(f"{NS}edge"):
        for end in ("source", "target"):
            if edge.get(end) not in node_ids:
                problems.append(f"edge {edge.get('id')}: unknown {end} {edge.get(end)}")
        check_data(edge, "edge")
    return problems


def tagged(value):
    if isinstance(value, bool):
        return {"t": "bool", "v": value}
    if isinstance(value, int):
        return {"t": "int", "v": str(value)}
    if isinstance(value, float):
        return {"t": "float", "v": "NaN" if math.isnan(value) else repr(value)}
    return {"t": "str", "v": value}


def declared_keys(path):
    """Each <key>'s kind and attr.name, with the property key its <desc> names when the name had to change."""
    root = ET.parse(path).getroot()
    return [
        {"for": key.get("for"), "attrName": key.get("attr.name"), "desc": key.findtext(f"{NS}desc")}
        for key in root.findall(f"{NS}key")
    ]


def main(path):
    problems = structure_problems(path)
    graph = nx.read_graphml(path)
    nodes = {node: {k: tagged(v) for k, v in data.items()} for node, data in graph.nodes(data=True)}
    edges = [
        {"source": u, "target": v, "data": {k: tagged(x) for k, x in data.items()}}
        for u, v, data in graph.edges(data=True)
    ]
    read_by_igraph = igraph.Graph.Read_GraphML(path)
    igraph_view = {
        "directed": read_by_igraph.is_directed(),
        "vertices": read_by_igraph.vcount(),
        "edges": read_by_igraph.ecount(),
        "labels": sorted(v["labels"] for v in read_by_igraph.vs),
        "edgeLabels": sorted(e["label"] for e in read_by_igraph.es),
    }
    print(json.dumps({"problems": problems, "keys": declared_keys(path), "multigraph": graph.is_multigraph(), "nodes": nodes, "edges": edges, "igraph": igraph_view}))


if __name__ == "__main__":
    main(sys.argv[1])
