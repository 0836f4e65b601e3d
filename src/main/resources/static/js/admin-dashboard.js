// Draws the dashboard's revenue chart from the figures the page carries; the table
// below it holds the same figures for readers who cannot see the chart.
(function () {
  var box = document.getElementById('revenue-chart');
  if (!box || typeof uPlot === 'undefined') {
    return;
  }
  var months = box.dataset.months.split(',').map(Number);
  var net = box.dataset.net.split(',').map(Number);
  var width = Math.max(280, Math.min(box.clientWidth || 600, 900));
  new uPlot({
    width: width,
    height: 240,
    series: [{}, { label: 'Net revenue (' + box.dataset.currency + ')', stroke: '#0b5cad', width: 2,
      fill: 'rgba(11,92,173,.12)', points: { size: 7 } }],
    axes: [{ values: function (u, ticks) {
      return ticks.map(function (t) { return new Date(t * 1000).toISOString().slice(0, 7); });
    } }, { size: 70 }],
    // a single month would otherwise stretch the axis over years
    scales: { x: { time: true, range: function (u, min, max) {
      return min === max ? [min - 20 * 86400, max + 20 * 86400] : [min, max];
    } } }
  }, [months, net], box);
})();
