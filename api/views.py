"""HTML side of the API: pyvis networks for the lineage and coordination pictures, and template helpers.

The network model is built with pyvis (``Network.add_node``/``add_edge``) and
handed to our own template, which loads vis-network from ``/static`` — pyvis's
stock template pulls Bootstrap and vis-network from CDNs, and the pages must
work offline with no external URL (issue #4, "Pages").
"""

from __future__ import annotations

import json
from typing import Any

from pyvis.network import Network

#: Node colours by administrative level (legend on the page).
LEVEL_COLORS = {
    "central": "#c0392b",
    "ministry": "#8e44ad",
    "province": "#1f6fb2",
    "district": "#1e8449",
    "commune": "#b7950b",
    "unknown": "#7f8c8d",
}

#: Vietnamese names of the levels.
LEVEL_LABELS = {
    "central": "Trung ương",
    "ministry": "Bộ, ngành",
    "province": "Tỉnh",
    "district": "Huyện",
    "commune": "Xã",
    "unknown": "Chưa rõ",
}

#: Edge colours and dash style by type: IMPLEMENTS solid, BASED_ON dashed.
EDGE_STYLES = {
    "IMPLEMENTS": {"color": "#c0392b", "dashes": False, "label": "Thực hiện"},
    "BASED_ON": {"color": "#1f6fb2", "dashes": True, "label": "Căn cứ"},
    "COORDINATES_WITH": {"color": "#566573", "dashes": False, "label": "Phối hợp"},
}

#: Vietnamese names of relations and roles.
RELATION_LABELS = {"implements": "Thực hiện", "based_on": "Căn cứ", "cites": "Trích dẫn"}
ROLE_LABELS = {"lead": "Chủ trì", "support": "Phối hợp"}
STATUS_LABELS = {"ingested": "Đã nhập", "referenced": "Chỉ được trích dẫn (chưa nhập)", "missing": "Không có dữ liệu"}


def script_json(value: Any) -> str:
    """Return ``value`` as JSON safe to embed inside a ``<script>`` element (no ``</script>`` break-out)."""
    text = json.dumps(value, ensure_ascii=False)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")


def _tooltip(node: dict[str, Any]) -> str:
    """Return the hover text of a document node: symbol, title, issuer, date (plain text, one per line)."""
    parts = [node.get("symbol") or node["id"]]
    if node.get("doc_type"):
        parts[0] = f"{node['doc_type']} {parts[0]}"
    if node.get("title"):
        title = node["title"]
        parts.append(title if len(title) <= 220 else title[:217] + "…")
    if node.get("issuer"):
        parts.append(f"Cơ quan ban hành: {node['issuer']}")
    if node.get("issued_on"):
        parts.append(f"Ngày ban hành: {node['issued_on']}")
    if node.get("status") == "referenced":
        parts.append("(chưa nhập, chỉ được trích dẫn)")
    return "\n".join(parts)


def lineage_network(nodes: list[dict[str, Any]], edges: list[dict[str, Any]], root: str) -> dict[str, Any]:
    """Return {"nodes", "edges", "options"} for vis-network, built with pyvis, laid out top (roots) to bottom.

    Ancestors sit above the document and descendants below it (vis ``level``), nodes are
    coloured by administrative level, edges by type.
    """
    net = Network(directed=True, cdn_resources="local")
    signed = {n["id"]: (-n["depth"] if n.get("side") == "up" else n["depth"]) for n in nodes}
    low = min(signed.values(), default=0)
    for n in nodes:
        level = n.get("level") or "unknown"
        color = LEVEL_COLORS.get(level, LEVEL_COLORS["unknown"])
        referenced = n.get("status") != "ingested"
        net.add_node(
            n["id"],
            label=n.get("symbol") or n["id"],
            title=_tooltip(n),
            color={"background": "#ffffff" if referenced else color, "border": color,
                   "highlight": {"background": color, "border": "#000000"}},
            shape="box",
            level=signed[n["id"]] - low,
            borderWidth=3 if n["id"] == root else 1,
            shapeProperties={"borderDashes": [4, 3] if referenced else False},
            font={"color": color if referenced else "#ffffff", "face": "sans-serif"},
        )
    for e in edges:
        style = EDGE_STYLES.get(e["type"], EDGE_STYLES["IMPLEMENTS"])
        net.add_edge(e["source"], e["target"], color=style["color"], dashes=style["dashes"], title=style["label"],
                     arrows="to", width=2)
    vis_nodes, vis_edges, *_ = net.get_network_data()
    options = {
        "layout": {"hierarchical": {"enabled": True, "direction": "UD", "levelSeparation": 110,
                                    "nodeSpacing": 190, "sortMethod": "hubsize"}},
        "physics": {"enabled": False},
        "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False},
        "edges": {"smooth": {"enabled": True, "type": "cubicBezier", "forceDirection": "vertical"}},
    }
    return {"nodes": vis_nodes, "edges": vis_edges, "options": options}


def coordination_network(agency: dict[str, Any], partners: list[dict[str, Any]]) -> dict[str, Any]:
    """Return {"nodes", "edges", "options"} of an agency's coordination star, edge width = shared tasks."""
    net = Network(directed=False, cdn_resources="local")
    net.add_node(agency["id"], label=agency.get("name") or agency["id"], title=agency.get("name") or agency["id"],
                 color=LEVEL_COLORS.get(agency.get("level") or "unknown", LEVEL_COLORS["unknown"]), shape="box",
                 font={"color": "#ffffff"})
    for p in partners:
        net.add_node(p["id"], label=p.get("name") or p["id"],
                     title=f"{p.get('name') or p['id']}\nNhiệm vụ chung: {p['shared_tasks']}",
                     color=LEVEL_COLORS.get(p.get("level") or "unknown", LEVEL_COLORS["unknown"]), shape="dot",
                     size=10 + 3 * min(p["shared_tasks"], 10))
        net.add_edge(agency["id"], p["id"], value=p["shared_tasks"], title=f"{p['shared_tasks']} nhiệm vụ chung",
                     color=EDGE_STYLES["COORDINATES_WITH"]["color"])
    vis_nodes, vis_edges, *_ = net.get_network_data()
    options = {"physics": {"enabled": True, "stabilization": {"iterations": 200}},
               "interaction": {"hover": True}, "edges": {"scaling": {"min": 1, "max": 8}}}
    return {"nodes": vis_nodes, "edges": vis_edges, "options": options}
