// gongkai SQL workbench: the CodeMirror editor (Ctrl+Enter runs), the schema
// browser's insert buttons, saving the text being edited, and a chart drawn
// from the result with the columns the analyst picks. The chart's choices
// live in the URL (chart, x, y), so that the permalink shows the same chart.
// Without scripts the page still works: a textarea, a table and downloads.
(function () {
  'use strict';

  var editor = null;

  function initEditor() {
    var area = document.getElementById('sql-text');
    if (!area || typeof CodeMirror === 'undefined') {
      return;
    }
    var tables = {};
    document.querySelectorAll('.schema-view[data-columns]').forEach(function (el) {
      tables[el.getAttribute('data-view')] = el.getAttribute('data-columns').split(',');
    });
    var form = document.getElementById('sql-form');
    var run = function () { editor.save(); form.submit(); };
    editor = CodeMirror.fromTextArea(area, {
      mode: 'text/x-sql',
      lineNumbers: true,
      indentWithTabs: false,
      smartIndent: true,
      matchBrackets: true,
      viewportMargin: Infinity,
      extraKeys: {
        'Ctrl-Enter': run,
        'Cmd-Enter': run,
        'Ctrl-Space': 'autocomplete',
        // Tab moves on, so that keyboard users can leave the editor.
        'Tab': false,
        'Shift-Tab': false
      },
      hintOptions: { tables: tables }
    });
    editor.getWrapperElement().setAttribute('aria-label', 'SQL 查询语句编辑器');
  }

  function text() {
    return editor ? editor.getValue() : (document.getElementById('sql-text') || {}).value || '';
  }

  function insert(s) {
    if (editor) {
      editor.replaceSelection(s);
      editor.focus();
      return;
    }
    var area = document.getElementById('sql-text');
    if (area) {
      var at = area.selectionStart || area.value.length;
      area.value = area.value.slice(0, at) + s + area.value.slice(area.selectionEnd || at);
      area.focus();
    }
  }

  function initButtons() {
    document.querySelectorAll('.schema .insert').forEach(function (b) {
      b.addEventListener('click', function (e) {
        e.preventDefault();
        insert(b.getAttribute('data-text'));
      });
    });
    document.querySelectorAll('.example').forEach(function (b) {
      b.addEventListener('click', function () {
        if (editor) {
          editor.setValue(b.getAttribute('data-sql'));
          editor.focus();
        } else {
          document.getElementById('sql-text').value = b.getAttribute('data-sql');
        }
      });
    });
    var save = document.getElementById('save-form');
    if (save) {
      save.addEventListener('submit', function () {
        save.querySelector('input[name=sql]').value = text();
      });
    }
    // The plain-text fallback runs on Ctrl+Enter too.
    var area = document.getElementById('sql-text');
    if (area && !editor) {
      area.addEventListener('keydown', function (e) {
        if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
          e.preventDefault();
          document.getElementById('sql-form').submit();
        }
      });
    }
  }

  // numeric tells the columns that hold numbers in every non-empty row.
  function numeric(result) {
    return result.columns.map(function (_, j) {
      var seen = false;
      for (var i = 0; i < result.rows.length; i++) {
        var v = result.rows[i][j];
        if (v === null || v === undefined) {
          continue;
        }
        if (typeof v !== 'number') {
          return false;
        }
        seen = true;
      }
      return seen;
    });
  }

  function initChart() {
    var builder = document.getElementById('sql-chart-builder');
    if (!builder || typeof echarts === 'undefined') {
      return;
    }
    var result;
    try {
      result = JSON.parse(builder.getAttribute('data-result') || '{}');
    } catch (e) {
      return;
    }
    if (!result.columns || result.columns.length === 0) {
      builder.hidden = true;
      return;
    }
    var isNum = numeric(result);
    var typeSel = document.getElementById('chart-type');
    var xSel = document.getElementById('chart-x');
    var yBox = document.getElementById('chart-y');
    var el = document.getElementById('sql-chart');
    var empty = document.getElementById('sql-chart-empty');
    var params = new URLSearchParams(window.location.search);

    result.columns.forEach(function (c, j) {
      var o = document.createElement('option');
      o.value = c;
      o.textContent = c;
      xSel.appendChild(o);
      if (isNum[j]) {
        var label = document.createElement('label');
        var box = document.createElement('input');
        box.type = 'checkbox';
        box.value = c;
        label.appendChild(box);
        label.appendChild(document.createTextNode(' ' + c));
        yBox.appendChild(label);
      }
    });
    // Defaults: the first column that is not a number (or the first) as
    // categories, the numbers after it as series; a chart only when asked or
    // when the result has both.
    var firstText = isNum.indexOf(false);
    xSel.value = params.get('x') || result.columns[firstText >= 0 ? firstText : 0];
    var wantY = params.getAll('y');
    yBox.querySelectorAll('input').forEach(function (b) {
      b.checked = wantY.length ? wantY.indexOf(b.value) >= 0 : b.value !== xSel.value;
    });
    var hasNumbers = isNum.some(function (n) { return n; });
    typeSel.value = params.has('chart') ? params.get('chart') : (hasNumbers && firstText >= 0 ? 'bar' : '');
    if (!hasNumbers) {
      empty.hidden = false;
    }

    var chart = null;
    function draw() {
      var type = typeSel.value;
      var xi = result.columns.indexOf(xSel.value);
      var ys = [];
      yBox.querySelectorAll('input').forEach(function (b) {
        if (b.checked && b.value !== xSel.value) {
          ys.push(b.value);
        }
      });
      var url = new URL(window.location.href);
      if (url.searchParams.has('q')) {
        url.searchParams.set('chart', type);
        url.searchParams.set('x', xSel.value);
        url.searchParams.delete('y');
        ys.forEach(function (y) { url.searchParams.append('y', y); });
        window.history.replaceState(null, '', url.toString());
      }
      var permalink = document.getElementById('sql-permalink');
      if (permalink) {
        var p = new URL(permalink.href);
        ['chart', 'x'].forEach(function (k) { p.searchParams.set(k, k === 'chart' ? type : xSel.value); });
        p.searchParams.delete('y');
        ys.forEach(function (y) { p.searchParams.append('y', y); });
        permalink.href = p.toString();
      }
      if (!type || xi < 0 || ys.length === 0) {
        el.hidden = true;
        if (chart) { chart.dispose(); chart = null; }
        return;
      }
      el.hidden = false;
      if (!chart) {
        chart = echarts.init(el, null, { renderer: 'canvas' });
        window.addEventListener('resize', function () { if (chart) { chart.resize(); } });
      }
      var cats = result.rows.map(function (r) { return r[xi] === null ? '（空）' : String(r[xi]); });
      var option;
      if (type === 'pie') {
        var yi = result.columns.indexOf(ys[0]);
        option = {
          tooltip: { trigger: 'item', formatter: '{b}: {c} ({d}%)' },
          legend: { type: 'scroll', bottom: 0 },
          series: [{ type: 'pie', name: ys[0], radius: ['30%', '65%'],
            data: result.rows.map(function (r, i) { return { name: cats[i], value: r[yi] }; }) }]
        };
      } else {
        option = {
          tooltip: { trigger: 'axis' },
          legend: { top: 0 },
          grid: { left: 60, right: 20, top: 40, bottom: 60 },
          xAxis: { type: 'category', data: cats, axisLabel: { hideOverlap: true } },
          yAxis: { type: 'value' },
          series: ys.map(function (y) {
            var yi = result.columns.indexOf(y);
            // A NULL stays a gap: never drawn as 0, never joined across.
            return { type: type, name: y, connectNulls: false,
              data: result.rows.map(function (r) { return r[yi]; }) };
          })
        };
      }
      chart.setOption(option, true);
      var summary = (type === 'pie' ? '饼图' : type === 'line' ? '折线图' : '柱状图') + '：' +
        ys.join('、') + ' 按 ' + xSel.value + '，共 ' + cats.length + ' 项';
      el.setAttribute('aria-label', summary);
    }
    [typeSel, xSel].forEach(function (s) { s.addEventListener('change', draw); });
    yBox.addEventListener('change', draw);
    draw();
  }

  function init() {
    initEditor();
    initButtons();
    initChart();
  }

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', init);
  } else {
    init();
  }
})();
