extension WebForm {
    /// The page's script, served at ``scriptPath`` as `text/javascript`. It adds and removes
    /// list rows (renumbering field names and ids), checks national identification numbers as
    /// they are typed with the same rules and reason codes as `NationalIdentifier`, and moves
    /// focus to the error summary. The form works without it; the server checks everything again.
    ///
    /// Under Node (`require`) it exports `check(kind, text, today)` for tests, `today` as
    /// `YYYYMMDD`; in a browser it touches nothing outside the `form.wf-form` element.
    public static let script = #"""
// Formwright web forms. Without this script the form still works; the server is the authority.
(function () {
  "use strict";
  var EGN_WEIGHTS = [2, 4, 8, 5, 10, 9, 7, 3, 6];
  var CNP_WEIGHTS = [2, 7, 9, 1, 4, 6, 3, 5, 8, 2, 7, 9];
  var CNP_EXTRA_COUNTIES = [51, 52, 70, 80, 81, 82, 83];
  var CNP_CENTURY = { 1: 1900, 2: 1900, 3: 1800, 4: 1800, 5: 2000, 6: 2000 };
  var IDNP_WEIGHTS = [7, 3, 1];
  var CF_ODD = [1, 0, 5, 7, 9, 13, 15, 17, 19, 21, 2, 4, 18, 20, 11, 3, 6, 8, 12, 14, 16, 10, 22, 25, 24, 23];
  var CF_MONTHS = "ABCDEHLMPRST";
  var CF_OMOCODE = "LMNPQRSTUV";
  var CF_LETTER_POSITIONS = [0, 1, 2, 3, 4, 5, 8, 11, 15];
  var CF_DIGIT_POSITIONS = [6, 7, 9, 10, 12, 13, 14];
  var LENGTHS = { "egn": 10, "cnp": 13, "idnp": 13, "codice-fiscale": 16 };

  function daysIn(month, year) {
    var leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
    return [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  }
  // A calendar day as the number YYYYMMDD, or null when there is no such day.
  function day(year, month, d) {
    if (month < 1 || month > 12 || d < 1 || d > daysIn(month, year)) { return null; }
    return year * 10000 + month * 100 + d;
  }
  // Today anywhere on Earth (UTC+14), as the server judges it.
  function latestToday() {
    var t = new Date(Date.now() + 14 * 3600 * 1000);
    return t.getUTCFullYear() * 10000 + (t.getUTCMonth() + 1) * 100 + t.getUTCDate();
  }
  function length(text) { return Array.from(text).length; }
  function digits(text) { return /^[0-9]*$/.test(text) ? text.split("").map(Number) : null; }
  function number(d, from, to) { var n = 0; for (var i = from; i < to; i++) { n = n * 10 + d[i]; } return n; }
  function pastDayIn(centuries, yy, month, d, today) {
    return centuries.some(function (c) { var x = day(c + yy, month, d); return x !== null && x <= today; });
  }

  function egn(text, today) {
    if (length(text) !== 10) { return "length"; }
    var d = digits(text);
    if (!d) { return "format"; }
    var yy = number(d, 0, 2), mm = number(d, 2, 4), dd = number(d, 4, 6), born = null;
    if (mm >= 1 && mm <= 12) { born = day(1900 + yy, mm, dd); }
    else if (mm >= 21 && mm <= 32) { born = day(1800 + yy, mm - 20, dd); }
    else if (mm >= 41 && mm <= 52) { born = day(2000 + yy, mm - 40, dd); }
    if (born === null) { return "date"; }
    if (born > today) { return "future_date"; }
    var r = 0;
    for (var i = 0; i < 9; i++) { r += EGN_WEIGHTS[i] * d[i]; }
    r %= 11;
    if (r === 10) { r = 0; }
    return r === d[9] ? null : "checksum";
  }

  function cnp(text, today) {
    if (length(text) !== 13) { return "length"; }
    var d = digits(text);
    if (!d) { return "format"; }
    if (d[0] === 0) { return "sex_century"; }
    var yy = number(d, 1, 3), mm = number(d, 3, 5), dd = number(d, 5, 7);
    var century = CNP_CENTURY[d[0]];
    if (century) {
      var born = day(century + yy, mm, dd);
      if (born === null) { return "date"; }
      if (born > today) { return "future_date"; }
    } else if (!pastDayIn([1900, 2000], yy, mm, dd, today)) {
      return "date";
    }
    var county = number(d, 7, 9);
    if (!((county >= 1 && county <= 48) || CNP_EXTRA_COUNTIES.indexOf(county) >= 0)) { return "county"; }
    if (number(d, 9, 12) === 0) { return "sequence"; }
    var r = 0;
    for (var i = 0; i < 12; i++) { r += CNP_WEIGHTS[i] * d[i]; }
    r %= 11;
    if (r === 10) { r = 1; }
    return r === d[12] ? null : "checksum";
  }

  function idnp(text, today) {
    if (length(text) !== 13) { return "length"; }
    var d = digits(text);
    if (!d) { return "format"; }
    if (d[0] === 1) { return "is_idno"; }
    if (d[0] === 2) {
      var assigned = number(d, 1, 4);
      if (assigned > 99 || 2000 + assigned > Math.floor(today / 10000)) { return "assign_year"; }
    } else if (d[0] === 0) {
      if (d[1] !== 9) { return "assign_year"; }
    } else {
      return "prefix";
    }
    var r = 0;
    for (var i = 0; i < 12; i++) { r += IDNP_WEIGHTS[i % 3] * d[i]; }
    return r % 10 === d[12] ? null : "checksum";
  }

  function codiceFiscale(text, today) {
    if (length(text) !== 16) { return "length"; }
    var s = text.toUpperCase();
    if (!/^[A-Z0-9]{16}$/.test(s)) { return "format"; }
    var i;
    for (i = 0; i < CF_LETTER_POSITIONS.length; i++) {
      if (!/[A-Z]/.test(s[CF_LETTER_POSITIONS[i]])) { return "format"; }
    }
    var digit = {};
    for (i = 0; i < CF_DIGIT_POSITIONS.length; i++) {
      var p = CF_DIGIT_POSITIONS[i], c = s[p];
      if (/[0-9]/.test(c)) { digit[p] = Number(c); }
      else if (CF_OMOCODE.indexOf(c) >= 0) { digit[p] = CF_OMOCODE.indexOf(c); }
      else { return "format"; }
    }
    var month = CF_MONTHS.indexOf(s[8]);
    if (month < 0) { return "month"; }
    var dd = digit[9] * 10 + digit[10];
    if (dd > 40) { dd -= 40; }
    if (!pastDayIn([1900, 2000], digit[6] * 10 + digit[7], month + 1, dd, today)) { return "date"; }
    var total = 0;
    for (i = 0; i < 15; i++) {
      var code = s.charCodeAt(i), value = code <= 57 ? code - 48 : code - 65;
      total += i % 2 === 0 ? CF_ODD[value] : value;
    }
    return String.fromCharCode(65 + total % 26) === s[15] ? null : "checksum";
  }

  // The reason code of NationalIdentifierProblem (length, format, checksum, …), or null when well formed.
  function check(kind, text, today) {
    today = today || latestToday();
    if (/\s/.test(text)) { return "format"; }
    switch (kind) {
      case "egn": return egn(text, today);
      case "cnp": return cnp(text, today);
      case "idnp": return idnp(text, today);
      case "codice-fiscale": return codiceFiscale(text, today);
      default: return null;
    }
  }

  // ---- The page ----

  function rowsOf(list) {
    var container = list.querySelector(":scope > .wf-rows");
    return container ? Array.prototype.slice.call(container.children) : [];
  }

  function checkField(form, input, final) {
    var output = document.getElementById("c" + input.id.slice(1));
    var kind = input.getAttribute("data-national-id"), value = input.value;
    if (!output) { return; }
    if (value === "" || (!final && length(value) < LENGTHS[kind])) {
      output.textContent = "";
      output.className = "wf-check";
      return;
    }
    var reason = check(kind, value);
    output.textContent = form.getAttribute(reason ? "data-msg-" + reason.replace(/_/g, "-") : "data-msg-ok") || "";
    output.className = reason ? "wf-check wf-check-bad" : "wf-check wf-check-ok";
    if (reason) { input.setAttribute("aria-invalid", "true"); } else { input.removeAttribute("aria-invalid"); }
  }

  // Field names are JSON pointers and ids their encoded form: a row moving from index `from`
  // to `to` changes the step right after the list's own pointer.
  function renumberValue(value, prefix, from, to, separator) {
    var old = prefix + separator + from;
    if (value.indexOf(old) !== 0) { return value; }
    var rest = value.slice(old.length);
    if (rest !== "" && rest[0] !== separator) { return value; }
    return prefix + separator + to + rest;
  }

  function renumberRow(list, row, to) {
    var pointer = list.getAttribute("data-list"), encoded = list.getAttribute("data-list-id");
    var from = row.getAttribute("data-row");
    var elements = [row].concat(Array.prototype.slice.call(row.querySelectorAll("*")));
    elements.forEach(function (el) {
      ["name", "data-list"].forEach(function (attribute) {
        var v = el.getAttribute(attribute);
        if (v !== null) { el.setAttribute(attribute, renumberValue(v, pointer, from, to, "/")); }
      });
      var v = el.getAttribute("data-list-id");
      if (v !== null) { el.setAttribute("data-list-id", renumberValue(v, encoded, from, to, ".")); }
      ["id", "for", "aria-describedby"].forEach(function (attribute) {
        var value = el.getAttribute(attribute);
        if (value === null) { return; }
        el.setAttribute(attribute, value.split(" ").map(function (token) {
          return token.charAt(0) + renumberValue(token.slice(1), encoded, from, to, ".");
        }).join(" "));
      });
    });
    row.setAttribute("data-row", String(to));
    var label = row.querySelector(":scope > legend") || row.querySelector(":scope > label");
    if (label && list.getAttribute("data-row-label")) {
      label.textContent = list.getAttribute("data-row-label").replace("%n", String(to + 1));
    }
    var remove = row.querySelector(":scope > .wf-remove");
    if (remove && list.getAttribute("data-remove-label")) {
      remove.textContent = list.getAttribute("data-remove-label").replace("%n", String(to + 1));
    }
  }

  function renumber(list) {
    rowsOf(list).forEach(function (row, index) {
      if (row.getAttribute("data-row") !== String(index)) { renumberRow(list, row, index); }
    });
    var max = Number(list.getAttribute("data-max")) || Infinity;
    var add = list.querySelector(":scope > .wf-add");
    if (add) { add.disabled = rowsOf(list).length >= max; }
  }

  function clear(row) {
    row.querySelectorAll("input, select, textarea").forEach(function (el) {
      if (el.type === "hidden") { return; }
      if (el.type === "checkbox") { el.checked = false; el.removeAttribute("checked"); }
      else if (el.tagName === "SELECT") { el.selectedIndex = 0; }
      else { el.value = ""; el.removeAttribute("value"); }
      el.removeAttribute("aria-invalid");
      var described = el.getAttribute("aria-describedby");
      if (described) {
        var kept = described.split(" ").filter(function (t) { return t.charAt(0) !== "e"; }).join(" ");
        if (kept) { el.setAttribute("aria-describedby", kept); } else { el.removeAttribute("aria-describedby"); }
      }
    });
    row.querySelectorAll(".wf-error").forEach(function (el) { el.parentNode.removeChild(el); });
    row.querySelectorAll(".wf-invalid").forEach(function (el) { el.classList.remove("wf-invalid"); });
    row.querySelectorAll(".wf-check").forEach(function (el) { el.textContent = ""; el.className = "wf-check"; });
    // A nested list starts again with one row.
    row.querySelectorAll(".wf-rows").forEach(function (rows) {
      while (rows.children.length > 1) { rows.removeChild(rows.lastElementChild); }
    });
  }

  function firstControl(element) {
    return element.querySelector("input:not([type=hidden]), select, textarea");
  }

  function addRow(list) {
    var rows = rowsOf(list), max = Number(list.getAttribute("data-max")) || Infinity;
    if (rows.length === 0 || rows.length >= max) { return; }
    var last = rows[rows.length - 1], copy = last.cloneNode(true);
    clear(copy);
    last.parentNode.appendChild(copy);
    renumber(list);
    var control = firstControl(copy);
    if (control) { control.focus(); }
  }

  function removeRow(list, row) {
    var rows = rowsOf(list), index = rows.indexOf(row);
    if (rows.length <= 1) {
      clear(row);
    } else {
      row.parentNode.removeChild(row);
      renumber(list);
    }
    var remaining = rowsOf(list);
    var next = remaining[Math.min(index, remaining.length - 1)];
    var target = (next && firstControl(next)) || list.querySelector(":scope > .wf-add");
    if (target) { target.focus(); }
  }

  function setUp(document) {
    document.documentElement.classList.add("wf-js");
    var form = document.querySelector("form.wf-form");
    if (!form) { return; }
    form.querySelectorAll(".wf-add, .wf-remove").forEach(function (button) { button.hidden = false; });
    form.querySelectorAll("fieldset[data-list]").forEach(renumber);
    form.addEventListener("click", function (event) {
      var button = event.target.closest ? event.target.closest("button") : null;
      if (!button) { return; }
      if (button.classList.contains("wf-add")) {
        addRow(button.parentNode);
      } else if (button.classList.contains("wf-remove")) {
        var row = button.parentNode, list = row.parentNode.parentNode;
        removeRow(list, row);
      }
    });
    form.addEventListener("input", function (event) {
      if (event.target.hasAttribute && event.target.hasAttribute("data-national-id")) { checkField(form, event.target, false); }
    });
    form.addEventListener("focusout", function (event) {
      if (event.target.hasAttribute && event.target.hasAttribute("data-national-id")) { checkField(form, event.target, true); }
    });
    var summary = document.getElementById("wf-error-summary");
    if (summary) { summary.focus(); }
  }

  if (typeof module === "object" && module.exports) {
    module.exports = { check: check };
  } else if (typeof document !== "undefined") {
    if (document.readyState === "loading") {
      document.addEventListener("DOMContentLoaded", function () { setUp(document); });
    } else {
      setUp(document);
    }
  }
})();

"""#
}
