// Counts down the time left on a hold; the server-rendered expiry time (UTC) stays beside it.
(function () {
  document.querySelectorAll('[data-countdown-to]').forEach(function (el) {
    var end = Date.parse(el.getAttribute('data-countdown-to'));
    function tick() {
      var left = Math.max(0, Math.round((end - Date.now()) / 1000));
      var m = Math.floor(left / 60), s = left % 60;
      el.textContent = left > 0 ? m + ' min ' + (s < 10 ? '0' : '') + s + ' s left' : 'The hold has expired';
      if (left > 0) { setTimeout(tick, 1000); } else { el.setAttribute('data-expired', ''); }
    }
    tick();
  });
})();
