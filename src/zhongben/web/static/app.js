// Behaviour without inline scripts (the Content-Security-Policy forbids them).
function boxes() { return Array.prototype.slice.call(document.querySelectorAll("input[name=keys]")); }
function every() { return document.getElementById("every"); }
function showSelection() {
  var banner = document.getElementById("select-banner");
  if (!banner) { return; }
  var ticked = boxes().filter(function (b) { return b.checked; }).length;
  var all = every() && every().value === "1";
  var count = document.getElementById("select-count");
  banner.hidden = ticked === 0 && !all;
  count.textContent = all ? "已选择全部 " + banner.getAttribute("data-total") + " 条符合条件的线索（含其他页）"
                          : "已选择本页 " + ticked + " 条";
  var more = document.getElementById("choose-every");
  if (more) { more.hidden = all; }
}
document.addEventListener("change", function (e) {
  if (e.target && e.target.id === "attach-file") {
    var picked = document.getElementById("picked");
    if (picked) { picked.textContent = e.target.files.length ? e.target.files[0].name : "未选择文件"; }
  }
  if (e.target && e.target.id === "select-all") {
    boxes().forEach(function (box) { box.checked = e.target.checked; });
  }
  if (e.target && (e.target.id === "select-all" || e.target.name === "keys")) {
    if (every() && !e.target.checked) { every().value = ""; }
    showSelection();
  }
});
document.addEventListener("click", function (e) {
  var id = e.target && e.target.id;
  if (id === "choose-every" && every()) {
    every().value = "1";
    boxes().forEach(function (box) { box.checked = true; });
    showSelection();
  } else if (id === "choose-none" && every()) {
    every().value = "";
    boxes().forEach(function (box) { box.checked = false; });
    var all = document.getElementById("select-all");
    if (all) { all.checked = false; }
    showSelection();
  } else if (e.target && e.target.getAttribute && e.target.getAttribute("data-print") !== null) {
    window.print();
  }
});
document.addEventListener("submit", function (e) {
  var button = e.submitter;
  var message = button && button.getAttribute("data-confirm");
  var bulk = button && button.getAttribute("data-bulk");
  if (bulk) {
    var banner = document.getElementById("select-banner");
    var all = every() && every().value === "1";
    var count = all ? banner.getAttribute("data-total")
                    : boxes().filter(function (b) { return b.checked; }).length;
    if (!all && count === 0) { window.alert("请先勾选线索"); e.preventDefault(); return; }
    var who = document.getElementById("bulk-assignee");
    var name = who ? who.options[who.selectedIndex].text : "";
    message = "确定将 " + count + " 条线索" + bulk + "给 " + name + "？";
  }
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
document.addEventListener("htmx:afterSwap", showSelection);
