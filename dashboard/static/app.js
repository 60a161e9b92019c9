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
    // A chart without data shows the page's 暂无数据 line, not empty axes.
    if (!spec.option || typeof echarts === 'undefined' || el.classList.contains('chart-empty')) {
      return;
    }
    formatValues(spec.option);
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

  // Tooltips print figures with digit grouping and a missing figure as
  // 未填报 (never 0); a series whose name ends in （%） is a rate and its
  // values get a % sign.
  function formatValues(option) {
    function figure(v) {
      if (v === null || v === undefined || v === '-' || (typeof v === 'number' && isNaN(v))) {
        return '未填报';
      }
      return typeof v === 'number' ? v.toLocaleString('zh-CN') : String(v);
    }
    (Array.isArray(option.tooltip) ? option.tooltip : [option.tooltip || (option.tooltip = {})]).forEach(function (t) {
      t.valueFormatter = figure;
    });
    (option.series || []).forEach(function (s) {
      if (/（%）$/.test(s.name || '')) {
        s.tooltip = s.tooltip || {};
        s.tooltip.valueFormatter = function (v) {
          var f = figure(v);
          return f === '未填报' ? f : f + '%';
        };
      }
    });
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

  // The filter bar applies when a choice is made with the mouse; empty
  // fields are left out so that the URL stays short enough to share. A
  // select changed from the keyboard (arrow keys step through the options
  // and fire change on every step) waits for Enter or the 筛选 button, so
  // that ArrowDown does not reload the page. Choosing a province clears a
  // city of another province; choosing a city picks its province.
  function initFilters() {
    var form = document.getElementById('filters');
    if (!form) {
      return;
    }
    var keyboard = false;
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
    function followRegion(select) {
      var province = form.elements.province, city = form.elements.city;
      if (!province || !city) {
        return;
      }
      if (select === province && city.value !== '') {
        var opt = city.options[city.selectedIndex];
        if (province.value !== '' && opt && opt.getAttribute('data-province') !== province.value) {
          city.value = '';
        }
      }
      if (select === city && city.value !== '') {
        var p = city.options[city.selectedIndex].getAttribute('data-province');
        if (p) {
          province.value = p;
        }
      }
    }
    form.addEventListener('keydown', function (e) {
      if (!e.target || e.target.tagName !== 'SELECT') {
        return;
      }
      if (e.key === 'Enter') {
        e.preventDefault();
        apply();
      } else if (e.key !== 'Tab') {
        keyboard = true;
      }
    });
    form.addEventListener('mousedown', function () { keyboard = false; });
    form.addEventListener('change', function (e) {
      if (!e.target || e.target.tagName !== 'SELECT') {
        return;
      }
      followRegion(e.target);
      if (keyboard) {
        form.classList.add('dirty');
        return;
      }
      apply();
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
