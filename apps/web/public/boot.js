// Starts the app's scripts once the page's first screen, which the gateway drew into the HTML, is
// painted (decision 92): on a slow phone link the first paint then does not share the
// bandwidth with ~250 kB of script, and the app takes #root over only after it. Served only with
// such pages, which list their scripts (the entry first) in #deferred-scripts instead of the head.
(function () {
  var list = document.getElementById('deferred-scripts');
  if (!list) return;
  function start() {
    JSON.parse(list.textContent).forEach(function (url, i) {
      var el = document.createElement(i === 0 ? 'script' : 'link');
      if (i === 0) {
        el.type = 'module';
        el.src = url;
      } else {
        el.rel = 'modulepreload';
        el.href = url;
      }
      el.crossOrigin = '';
      document.head.appendChild(el);
    });
  }
  // A hidden tab draws no frames: it starts at once.
  if (document.visibilityState === 'hidden') start();
  else
    requestAnimationFrame(function () {
      setTimeout(start, 0);
    });
})();
