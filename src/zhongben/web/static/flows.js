// The fund-flow graph of a flow report (zhongben.graph.render), drawn from the JSON in
// #flow-data. Used by the web app's report page and by the offline flows.html alike.
document.addEventListener("DOMContentLoaded", function () {
  var holder = document.getElementById("flow-data");
  var box = document.getElementById("flow-chart");
  if (!holder || !box || !window.echarts) { return; }
  var data = JSON.parse(holder.textContent);
  var escape = echarts.format.encodeHTML;  // tooltips are HTML; names come from statements
  echarts.init(box).setOption({
    animation: false,
    tooltip: {
      formatter: function (p) {
        return escape(p.dataType === "edge" ? p.data.value : p.data.full);
      }
    },
    legend: [{ data: data.categories.map(function (c) { return c.name; }) }],
    series: [{
      type: "graph", layout: "none", roam: true, draggable: true,
      categories: data.categories, data: data.nodes, links: data.links,
      symbol: "roundRect", symbolSize: [150, 34],
      label: { show: true, fontSize: 11, color: "#fff", width: 140, overflow: "truncate" },
      edgeSymbol: ["none", "arrow"], edgeSymbolSize: 9,
      edgeLabel: {
        show: true, fontSize: 10,
        formatter: function (p) { return p.data.value.split("（")[0]; }
      },
      lineStyle: { color: "#888", curveness: 0.08, width: 1.4 }
    }]
  });
});
