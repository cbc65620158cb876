// The relation graph (关系图谱) of a debtor profile, drawn with ECharts from the JSON the page
// names in #relation-chart's data-src (zhongben.web.relation_chart). No inline script (CSP).
// A node carrying an address (href: a debtor page the user may open) opens it when clicked.
document.addEventListener("DOMContentLoaded", function () {
  var box = document.getElementById("relation-chart");
  if (!box || !window.echarts) { return; }
  fetch(box.getAttribute("data-src"), { credentials: "same-origin" })
    .then(function (r) { return r.ok ? r.json() : Promise.reject(r.status); })
    .then(function (data) {
      var escape = echarts.format.encodeHTML;  // names come from registries
      var chart = echarts.init(box);
      chart.setOption({
        animation: false,
        tooltip: {
          formatter: function (p) {
            var text = escape(p.dataType === "edge" ? p.data.value : p.data.full);
            return p.data.href ? text + "<br>（点击打开该被执行人页面）" : text;
          }
        },
        legend: [{ data: data.categories.map(function (c) { return c.name; }) }],
        series: [{
          type: "graph", layout: "force", roam: true, draggable: true,
          force: { repulsion: 260, edgeLength: 120, layoutAnimation: false },
          categories: data.categories, data: data.nodes, links: data.links,
          label: { show: true, position: "bottom", fontSize: 11 },
          edgeSymbol: ["none", "arrow"], edgeSymbolSize: 7,
          edgeLabel: { show: true, fontSize: 10, formatter: function (p) { return p.data.value; } },
          lineStyle: { color: "#888", width: 1.3 }
        }]
      });
      chart.on("click", function (p) {
        if (p.dataType === "node" && p.data.href) { window.location.assign(p.data.href); }
      });
      box.setAttribute("data-drawn", String(data.nodes.length));
    })
    .catch(function () {
      box.textContent = "关系图谱加载失败，请刷新页面重试。";
    });
});
