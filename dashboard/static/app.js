// gongkai dashboard: draws the charts from the options the server put into
// each .chart element, wires the 数据表 toggles, and keeps the filter bar in
// the URL. Everything here is served by the binary; nothing is fetched from
// another origin.
(function () {
  'use strict';

  // A click on a bar, point or slice goes to the page behind it: the server
  // sends a map from "series|category" or "category" to a URL.
  function initChart(el) {
    var spec;
    try {
      spec = JSON.parse(el.getAttribute('data-spec') || '{}');
    } catch (e) {
      return;
    }
    if (!spec.option || typeof echarts === 'undefined') {
      return;
    }
    var chart = echarts.init(el, null, { renderer: 'canvas' });
    chart.setOption(spec.option);
    var links = spec.links || {};
    if (Object.keys(links).length > 0) {
      el.classList.add('clickable');
      chart.on('click', function (p) {
        var url = links[p.seriesName + '|' + p.name] || links[p.name];
        if (url) {
          window.location.href = url;
        }
      });
    }
    window.addEventListener('resize', function () { chart.resize(); });
  }

  function initTableToggles() {
    document.querySelectorAll('.toggle-table').forEach(function (button) {
      button.addEventListener('click', function () {
        var table = document.getElementById(button.getAttribute('data-chart') + '-table');
        if (!table) {
          return;
        }
        table.hidden = !table.hidden;
        button.setAttribute('aria-expanded', String(!table.hidden));
        button.classList.toggle('on', !table.hidden);
      });
    });
  }

  // The filter bar applies on change; empty fields are left out so that the
  // URL stays short enough to share.
  function initFilters() {
    var form = document.getElementById('filters');
    if (!form) {
      return;
    }
    function apply() {
      var params = new URLSearchParams();
      new FormData(form).forEach(function (value, key) {
        if (String(value).trim() !== '') {
          params.set(key, String(value).trim());
        }
      });
      var q = params.toString();
      window.location.href = form.getAttribute('action') + (q ? '?' + q : '');
    }
    form.addEventListener('change', function (e) {
      if (e.target && e.target.tagName === 'SELECT') {
        apply();
      }
    });
    form.addEventListener('submit', function (e) {
      e.preventDefault();
      apply();
    });
  }

  function init() {
    document.querySelectorAll('.chart').forEach(initChart);
    initTableToggles();
    initFilters();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
