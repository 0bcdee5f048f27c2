// docgen desk: the form is drawn from the minutes model's JSON Schema (/api/schema); every
// check, typesetting and save is the server's (the same code as the docgen CLI).
"use strict";
(function () {
  var TOKEN = window.DOCGEN_TOKEN;
  var REFRESH_MS = 200;          // typing pauses longer than this show new pages
  var schema = null, defs = {}, state = {}, fileName = "", storeKey = "", base = "", dirty = false;
  var timer = null, inflight = 0, latest = 0;

  // ------------------------------------------------------------------ requests

  function api(method, route, body) {
    var options = {method: method, headers: {"X-Docgen-Token": TOKEN}, cache: "no-store"};
    if (body !== undefined) {
      options.headers["Content-Type"] = "application/json";
      options.body = JSON.stringify(body);
    }
    return fetch(route, options);
  }

  function json(response) {
    return response.json().then(function (body) { return {status: response.status, body: body}; });
  }

  // ------------------------------------------------------------------ schema helpers

  function resolve(s) {
    if (s && s.$ref) { return defs[s.$ref.split("/").pop()]; }
    return s;
  }

  // "anyOf: [X, null]" is an optional X; other anyOf are real choices.
  function optional(s) {
    if (s && s.anyOf) {
      var rest = s.anyOf.filter(function (b) { return b.type !== "null"; });
      if (rest.length === 1) {
        return Object.assign({}, rest[0], {title: s.title, description: s.description, "x-long": s["x-long"]});
      }
    }
    return s;
  }

  function refName(s) { return s && s.$ref ? s.$ref.split("/").pop() : null; }

  function pathText(parts) {
    var out = "";
    parts.forEach(function (p) {
      if (typeof p === "number") { out += "[" + p + "]"; } else { out += (out ? "." : "") + p; }
    });
    return out;
  }

  function emptyValue(s) {
    s = resolve(optional(s));
    if (!s) { return ""; }
    if (s.anyOf) { return emptyValue(s.anyOf[0]); }
    if (s.type === "object") {
      var obj = {};
      (s.required || []).forEach(function (k) { obj[k] = emptyValue(s.properties[k]); });
      return obj;
    }
    if (s.type === "array") { return []; }
    return "";
  }

  // A field cleared in the form is left out, and the model's default applies; but where
  // the model takes "" as a value of its own and defaults to a text ("decisions_intro":
  // "" prints no intro, left out it prints 会议议定以下意见：), a cleared field is sent as "".
  function emptyIsAValue(s) {
    if (!s || typeof s.default !== "string" || !s.default) { return false; }
    var text = s.anyOf ? s.anyOf.find(function (b) { return b.type === "string"; }) : s;
    return !!(text && typeof text.pattern === "string" && text.pattern.indexOf("^$") === 0);
  }

  // The form's state → the data sent to the server: optional fields left empty are left
  // out (as a clerk leaves them out of the YAML); required ones are sent, so that the
  // server says, in Chinese, which is missing.
  function clean(value, s, required) {
    s = resolve(optional(s));
    if (s && s.anyOf) {
      return typeof value === "string" ? clean(value, s.anyOf[0], required)
        : clean(value, s.anyOf.find(function (b) { return b.$ref; }) || s.anyOf[1], required);
    }
    if (value === undefined || value === null) { return undefined; }
    if (s && s.type === "object" && typeof value === "object" && !Array.isArray(value)) {
      var out = {}, any = false;
      Object.keys(value).forEach(function (k) {
        var sub = s.properties ? s.properties[k] : null;
        var v = sub ? clean(value[k], sub, (s.required || []).indexOf(k) >= 0) : value[k];
        if (v === undefined && value[k] === "" && emptyIsAValue(sub)) { v = ""; }
        if (v !== undefined) { out[k] = v; any = true; }
      });
      return any || required ? out : undefined;
    }
    if (s && s.type === "array" && Array.isArray(value)) {
      if (!value.length && !required) { return undefined; }
      return value.map(function (v) { var c = clean(v, s.items, true); return c === undefined ? "" : c; });
    }
    if (s && s.type === "integer" && typeof value === "string") {
      if (value.trim() === "") { return required ? "" : undefined; }
      return /^\s*\d+\s*$/.test(value) ? parseInt(value, 10) : value;
    }
    if (value === "" && !required) { return undefined; }
    return value;
  }

  function getAt(parts) {
    var v = state;
    parts.forEach(function (p) { v = v == null ? undefined : v[p]; });
    return v;
  }

  function setAt(parts, value) {
    var v = state;
    for (var i = 0; i < parts.length - 1; i++) {
      if (v[parts[i]] == null) { v[parts[i]] = typeof parts[i + 1] === "number" ? [] : {}; }
      v = v[parts[i]];
    }
    v[parts[parts.length - 1]] = value;
  }

  // ------------------------------------------------------------------ drawing the form

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (k) {
      if (k === "text") { node.textContent = attrs[k]; } else { node.setAttribute(k, attrs[k]); }
    });
    (children || []).forEach(function (c) { if (c) { node.appendChild(c); } });
    return node;
  }

  function button(text, cls, onClick) {
    var b = el("button", {type: "button", "class": cls, text: text});
    b.addEventListener("click", onClick);
    return b;
  }

  function field(parts, s, label, required) {
    s = optional(s);
    var r = resolve(s);
    var wrap = el("div", {"class": "field", "data-path": pathText(parts)});
    if (r && r.anyOf) {
      return choice(parts, r, label, wrap);
    }
    if (r && r.type === "object") {
      wrap.className = "group";
      wrap.appendChild(el("div", {"class": "group-title", text: label}));
      Object.keys(r.properties).forEach(function (k) {
        var sub = r.properties[k];
        wrap.appendChild(field(parts.concat([k]), sub, sub.title || k, (r.required || []).indexOf(k) >= 0));
      });
      return wrap;
    }
    if (r && r.type === "array") {
      return list(parts, r, label, wrap);
    }
    wrap.appendChild(el("label", {"for": "f-" + pathText(parts), text: label + (required ? " *" : "")}));
    wrap.appendChild(input(parts, s, r));
    wrap.appendChild(el("div", {"class": "message"}));
    return wrap;
  }

  function input(parts, s, r) {
    var value = getAt(parts);
    var node;
    if (r.enum || (r.examples && r.examples.length)) {
      var options = r.enum || r.examples;
      node = el("select", {}, [el("option", {value: "", text: "（不填）"})].concat(
        options.map(function (o) { return el("option", {value: o, text: o}); })));
      if (value && options.indexOf(value) < 0) { node.appendChild(el("option", {value: value, text: value})); }
    } else if (s["x-long"] || r["x-long"]) {
      node = el("textarea", {rows: "2"});
    } else {
      node = el("input", {type: "text"});
      if (r.format === "date") { node.setAttribute("placeholder", "如 2020-04-29"); }
      if (r.type === "integer") { node.setAttribute("inputmode", "numeric"); }
    }
    node.id = "f-" + pathText(parts);
    node.setAttribute("name", pathText(parts));
    if (s.description) { node.setAttribute("title", s.description); }
    node.value = value == null ? "" : String(value);
    node.addEventListener("input", function () { setAt(parts, node.value); changed(); });
    node.addEventListener("change", function () { setAt(parts, node.value); changed(); });
    return node;
  }

  // A list element that is a string or a model (列席: a name, or a unit with its people).
  function choice(parts, r, label, wrap) {
    var value = getAt(parts);
    var model = r.anyOf.find(function (b) { return b.$ref; });
    var isModel = value !== null && typeof value === "object";
    var kind = el("select", {"class": "kind"}, [
      el("option", {value: "text", text: "人名"}),
      el("option", {value: "model", text: (resolve(model) || {})["x-element"] || "单位及人员"})]);
    kind.value = isModel ? "model" : "text";
    kind.addEventListener("change", function () {
      setAt(parts, kind.value === "model" ? emptyValue(model) : "");
      draw(); changed();
    });
    wrap.className = "choice";
    wrap.appendChild(kind);
    wrap.appendChild(isModel ? field(parts, model, label, true)
      : field(parts, r.anyOf.find(function (b) { return !b.$ref; }), label, true));
    return wrap;
  }

  function list(parts, r, label, wrap) {
    var items = getAt(parts);
    if (!Array.isArray(items)) { items = []; }
    var element = resolve(r.items) || {};
    var ref = refName(r.items);
    var noun = element["x-element"] || label;
    var nested = ref && parts.length >= 3 && typeof parts[parts.length - 2] === "number" &&
      refName(schemaAt(parts.slice(0, -2))) === ref;
    wrap.className = "list";
    wrap.appendChild(el("div", {"class": "list-title", text: label}));
    items.forEach(function (_, i) {
      var p = parts.concat([i]);
      var block = el("div", {"class": "block", "data-path": pathText(p)});
      var tools = el("div", {"class": "tools"}, [
        el("span", {"class": "number", text: String(i + 1)}),
        button("上移", "up", function () { move(parts, i, i - 1); }),
        button("下移", "down", function () { move(parts, i, i + 1); }),
        ref && selfNested(element, ref) ? button("缩进", "indent", function () { indent(parts, i); }) : null,
        nested ? button("取消缩进", "outdent", function () { outdent(parts, i); }) : null,
        button("删除", "remove", function () { items.splice(i, 1); setAt(parts, items); draw(); changed(); })]);
      tools.querySelector(".up").disabled = i === 0;
      tools.querySelector(".down").disabled = i === items.length - 1;
      var indentButton = tools.querySelector(".indent");
      if (indentButton) { indentButton.disabled = i === 0; }
      block.appendChild(tools);
      block.appendChild(field(p, r.items, noun + " " + (i + 1), true));
      wrap.appendChild(block);
    });
    wrap.appendChild(el("div", {"class": "message"}));
    wrap.appendChild(button("添加" + noun, "add", function () {
      items.push(emptyValue(r.items)); setAt(parts, items); draw(); changed();
      var blocks = document.querySelectorAll('[data-path="' + pathText(parts.concat([items.length - 1])) + '"] input, ' +
        '[data-path="' + pathText(parts.concat([items.length - 1])) + '"] textarea');
      if (blocks.length) { blocks[0].focus(); }
    }));
    return wrap;
  }

  // Whether a model holds a list of itself (an Item's sub-items): its elements can be indented.
  function selfNested(model, ref) {
    return Object.keys(model.properties || {}).some(function (k) {
      var p = model.properties[k];
      return p.type === "array" && refName(p.items) === ref;
    });
  }

  function nestedKey(ref) {
    var model = defs[ref];
    return Object.keys(model.properties).find(function (k) {
      var p = model.properties[k];
      return p.type === "array" && refName(p.items) === ref;
    });
  }

  function schemaAt(parts) {
    var s = schema;
    parts.forEach(function (p) {
      s = resolve(optional(s));
      s = typeof p === "number" ? s.items : (s.properties || {})[p];
    });
    return s;
  }

  function move(parts, from, to) {
    var items = getAt(parts);
    if (to < 0 || to >= items.length) { return; }
    items.splice(to, 0, items.splice(from, 1)[0]);
    draw(); changed();
  }

  function indent(parts, i) {
    var items = getAt(parts);
    var key = nestedKey(refName(schemaAt(parts).items));
    var moved = items.splice(i, 1)[0];
    var parent = items[i - 1];
    if (typeof parent === "string") { parent = items[i - 1] = {text: parent}; }
    (parent[key] = parent[key] || []).push(moved);
    draw(); changed();
  }

  function outdent(parts, i) {
    var items = getAt(parts);
    var moved = items.splice(i, 1)[0];
    var outer = getAt(parts.slice(0, -2));
    outer.splice(parts[parts.length - 2] + 1, 0, moved);
    draw(); changed();
  }

  function draw() {
    var form = document.getElementById("form");
    form.textContent = "";
    Object.keys(schema.properties).forEach(function (k) {
      var s = schema.properties[k];
      form.appendChild(field([k], s, s.title || k, (schema.required || []).indexOf(k) >= 0));
    });
    showProblems(lastErrors, "error");
    showProblems(lastWarnings, "warning");
  }

  // ------------------------------------------------------------------ problems at their fields

  var lastErrors = [], lastWarnings = [];

  function holder(path) {
    var parts = path ? path.match(/[^.\[\]]+/g) : [];
    while (true) {
      var text = pathText(parts.map(function (p) { return /^\d+$/.test(p) ? parseInt(p, 10) : p; }));
      var node = text ? document.querySelector('[data-path="' + text + '"]') : null;
      if (node) { return node; }
      if (!parts.length) { return document.getElementById("general"); }
      parts = parts.slice(0, -1);
    }
  }

  function showProblems(problems, kind) {
    document.querySelectorAll(".problem." + kind).forEach(function (n) { n.remove(); });
    document.querySelectorAll(".has-" + kind).forEach(function (n) { n.classList.remove("has-" + kind); });
    problems.forEach(function (p) {
      var node = holder(p.path);
      var box = node.querySelector(":scope > .message") || node;
      node.classList.add("has-" + kind);
      box.appendChild(el("div", {"class": "problem " + kind, role: kind === "error" ? "alert" : "status",
        text: p.message + (p.hint ? "（提示：" + p.hint + "）" : "")}));
    });
    document.getElementById("summary").textContent = lastErrors.length
      ? "有 " + lastErrors.length + " 处错误，页面显示的是上次成功排版的结果" : "";
  }

  // ------------------------------------------------------------------ pages, kept on a mistake

  // The tab's unsaved form, kept in sessionStorage: it survives a reload of this tab, and
  // another tab on the same draft keeps its own. ``base`` is the digest of the file as this
  // tab loaded or saved it: a save over anything else asks first.
  function keep() {
    try {
      sessionStorage.setItem(storeKey, JSON.stringify({state: state, base: base}));
    } catch (e) { /* full */ }
  }

  function changed() {
    keep();
    dirty = true;
    setStatus("未保存");
    clearTimeout(timer);
    timer = setTimeout(refresh, REFRESH_MS);
  }

  function refresh() {
    var asked = ++latest;
    inflight++;
    document.body.setAttribute("data-busy", "1");
    return api("POST", "/api/pages", {data: clean(state, schema, true)}).then(json).then(function (r) {
      if (asked !== latest) { return; }           // a newer keystroke is already on its way
      if (r.status === 200) {
        lastErrors = [];
        lastWarnings = r.body.warnings || [];
        showProblems(lastWarnings, "warning");
        var frame = document.getElementById("pages");
        // Marked once the frame shows the new pages (tests and the benchmark wait for it).
        frame.onload = function () { document.body.setAttribute("data-rendered", String(asked)); };
        frame.srcdoc = r.body.html.replace("</head>", "<style>html{zoom:0.62;background:#888}" +
          ".page{margin:0 auto 12px;box-shadow:0 0 6px #0005}</style></head>");
      } else {
        lastErrors = r.body.errors || [];
      }
      showProblems(lastErrors, "error");
    }).catch(function () {
      setStatus("无法连接编辑服务（已停止？）");
    }).finally(function () {
      if (--inflight === 0) { document.body.removeAttribute("data-busy"); }
    });
  }

  function setStatus(text) { document.getElementById("status").textContent = text; }

  // ------------------------------------------------------------------ save, downloads, paste

  function save(confirmed) {
    var body = {data: clean(state, schema, true), base: base, confirm: !!confirmed};
    return api("POST", "/api/save", body)
      .then(json).then(function (r) {
        if (r.status === 409 && !confirmed) {
          if (window.confirm(r.body.errors[0].message + "。仍要覆盖吗？")) { return save(true); }
          if (window.confirm("要载入磁盘上的文件吗？本页未保存的修改将放弃。")) {
            dirty = false;
            sessionStorage.removeItem(storeKey);
            location.reload();
            return;
          }
          setStatus("未保存：文件已被修改");
          return;
        }
        if (r.status !== 200) {
          lastErrors = r.body.errors || [];
          showProblems(lastErrors, "error");
          setStatus("未保存：请先改正错误");
          return;
        }
        base = r.body.base;
        dirty = false;
        sessionStorage.removeItem(storeKey);
        document.getElementById("file").textContent = fileName;
        lastWarnings = r.body.warnings || [];
        showProblems(lastWarnings, "warning");
        setStatus("已保存到 " + r.body.saved);
      });
  }

  function download(fmt) {
    setStatus("正在生成 " + fmt.toUpperCase() + "…");
    return api("POST", "/api/download/" + fmt, {data: clean(state, schema, true)}).then(function (r) {
      if (r.status !== 200) {
        return json(r).then(function (j) {
          lastErrors = j.body.errors || []; showProblems(lastErrors, "error");
          setStatus("未能生成 " + fmt.toUpperCase() + "：请先改正错误");
        });
      }
      return r.blob().then(function (blob) {
        var a = el("a", {href: URL.createObjectURL(blob), download: fileName.replace(/\.ya?ml$/, "") + "." + fmt});
        document.body.appendChild(a); a.click(); a.remove();
        setStatus("已生成 " + fmt.toUpperCase());
      });
    });
  }

  function paste() {
    var text = document.getElementById("paste-text").value;
    return api("POST", "/api/parse", {text: text}).then(json).then(function (r) {
      if (r.status !== 200) {
        lastErrors = r.body.errors || []; lastErrors.forEach(function (e) { e.path = "paste"; });
        showProblems(lastErrors, "error");
        return;
      }
      state = r.body.data;
      lastErrors = [];
      lastWarnings = r.body.warnings || [];
      draw(); changed();
      setStatus("已读入粘贴的文字" + (lastWarnings.length ? "（" + lastWarnings.length + " 条警告）" : ""));
    });
  }

  // ------------------------------------------------------------------ start

  function start() {
    document.getElementById("save").addEventListener("click", function () { save(false); });
    document.getElementById("docx").addEventListener("click", function () { download("docx"); });
    document.getElementById("pdf").addEventListener("click", function () { download("pdf"); });
    document.getElementById("paste-go").addEventListener("click", paste);
    Promise.all([api("GET", "/api/schema").then(json), api("GET", "/api/load").then(json)]).then(function (rs) {
      schema = rs[0].body; defs = schema.$defs || {};
      var loaded = rs[1].body;
      fileName = loaded.file;
      storeKey = "docgen-desk:" + location.port + ":" + fileName;
      document.getElementById("file").textContent = fileName + (loaded.exists ? "" : "（新文件）");
      state = loaded.data || emptyValue(schema);
      base = loaded.base;
      lastErrors = loaded.errors || [];
      lastWarnings = loaded.warnings || [];
      var kept = null;
      try { kept = JSON.parse(sessionStorage.getItem(storeKey) || "null"); } catch (e) { kept = null; }
      if (kept && kept.state && JSON.stringify(kept.state) !== JSON.stringify(state)) {
        state = kept.state;
        dirty = true;
        if (kept.base !== base) {
          base = kept.base;              // saved over the file now on disk, it asks first
          setStatus("已恢复上次未保存的修改；磁盘上的文件在此之后已被修改，保存时会先询问");
        } else {
          setStatus("已恢复上次未保存的修改");
        }
      }
      draw();
      document.body.setAttribute("data-ready", "1");
      if (loaded.data || kept) { refresh(); }
    });
  }

  // Closing or leaving the tab with unsaved edits asks first (they are kept for a reload of
  // this tab only: a desk started again listens on another port, another origin).
  window.addEventListener("beforeunload", function (e) {
    if (dirty) { e.preventDefault(); e.returnValue = ""; }
  });

  document.addEventListener("DOMContentLoaded", start);
})();
