// Behaviour without inline scripts (the Content-Security-Policy forbids them).
document.addEventListener("change", function (e) {
  if (e.target && e.target.id === "select-all") {
    document.querySelectorAll("input[name=keys]").forEach(function (box) {
      box.checked = e.target.checked;
    });
  }
});
document.addEventListener("submit", function (e) {
  var message = e.submitter && e.submitter.getAttribute("data-confirm");
  if (message && !window.confirm(message)) { e.preventDefault(); }
});
function drawCharts() {
  var holder = document.getElementById("chart-data");
  if (!holder || !window.echarts) { return; }
  var data = JSON.parse(holder.textContent);
  var funnel = echarts.init(document.getElementById("funnel"));
  funnel.setOption({
    animation: false,
    tooltip: { trigger: "item" },
    series: [{ type: "funnel", sort: "none", minSize: "8%", left: "10%", width: "80%",
      label: { formatter: "{b}：{c}" },
      data: data.stages.map(function (s, i) { return { name: s, value: data.values[i] }; }) }]
  });
  var bars = echarts.init(document.getElementById("bars"));
  bars.setOption({
    animation: false,
    tooltip: { trigger: "axis" }, legend: { data: data.stages },
    xAxis: { type: "category", data: data.keys, axisLabel: { interval: 0, rotate: 20 } },
    yAxis: { type: "value" },
    series: data.stages.map(function (s, i) {
      return { name: s, type: "bar", data: data.series.map(function (r) { return r[i]; }) };
    })
  });
}
document.addEventListener("DOMContentLoaded", drawCharts);
