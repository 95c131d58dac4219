/* Cari Berita: small enhancements of pages that work without JavaScript.
   - ticking a facet checkbox or choosing a sort order navigates at once (its URL is in data-url);
   - "/" focuses the search box;
   - on a phone the filter panel folds behind a "Filter" button;
   - the person field suggests names from /api/people as you type. */
(function () {
  "use strict";
  document.documentElement.classList.add("js");

  function go(url) {
    if (url) { window.location.assign(url); }
  }

  function isTyping(target) {
    if (!target) { return false; }
    var tag = target.tagName;
    return tag === "INPUT" || tag === "TEXTAREA" || tag === "SELECT" || target.isContentEditable;
  }

  function facetCheckboxes() {
    var boxes = document.querySelectorAll(".filters input[type=checkbox][data-url]");
    Array.prototype.forEach.call(boxes, function (box) {
      box.addEventListener("change", function () {
        go(box.getAttribute("data-url"));
      });
    });
  }

  function sortSelect() {
    var select = document.getElementById("urutan");
    if (!select) { return; }
    select.addEventListener("change", function () {
      var option = select.options[select.selectedIndex];
      go(option && option.getAttribute("data-url"));
    });
  }

  function slashFocus() {
    var box = document.getElementById("q");
    if (!box) { return; }
    document.addEventListener("keydown", function (event) {
      if (event.key !== "/" || event.ctrlKey || event.metaKey || event.altKey || isTyping(event.target)) {
        return;
      }
      event.preventDefault();
      box.focus();
      box.select();
    });
  }

  function filterToggle() {
    var panel = document.querySelector(".filters");
    var button = panel && panel.querySelector(".filters-toggle");
    if (!button) { return; }
    button.addEventListener("click", function () {
      var open = panel.classList.toggle("open");
      button.setAttribute("aria-expanded", open ? "true" : "false");
    });
  }

  function cleanSubmit() {
    /* The filter form leaves empty fields and the default order out of the URL (as the links do). */
    var form = document.getElementById("cari");
    if (!form || !window.FormData || !window.URLSearchParams) { return; }
    form.addEventListener("submit", function (event) {
      var query = new URLSearchParams();
      new FormData(form).forEach(function (value, name) {
        value = typeof value === "string" ? value.trim() : "";
        if (value === "" || (name === "sort" && value === "relevance")) { return; }
        query.append(name, value);
      });
      event.preventDefault();
      var text = query.toString();
      go(form.getAttribute("action") + (text ? "?" + text : ""));
    });
  }

  function resetOnReturn() {
    /* Back/Forward may show this page from the back-forward cache with a box ticked just before leaving:
       show the state of its URL instead. */
    window.addEventListener("pageshow", function (event) {
      var form = document.getElementById("cari");
      if (event.persisted && form) { form.reset(); }
    });
  }

  function personSuggestions() {
    var input = document.getElementById("tambah-orang");
    var list = input && document.getElementById(input.getAttribute("list"));
    if (!list || !window.fetch) { return; }
    var url = input.getAttribute("data-suggest-url");
    var timer = null;
    var asked = null;

    function fill(people) {
      while (list.firstChild) { list.removeChild(list.firstChild); }
      people.forEach(function (person) {
        var option = document.createElement("option");
        option.value = person.name;
        option.label = person.count + " berita";
        list.appendChild(option);
      });
    }

    function ask() {
      var prefix = input.value.trim();
      if (prefix === asked) { return; }
      asked = prefix;
      fetch(url + "?limit=10&prefix=" + encodeURIComponent(prefix), {headers: {"Accept": "application/json"}})
        .then(function (response) { return response.ok ? response.json() : {people: []}; })
        .then(function (data) {
          if (prefix === input.value.trim()) { fill(data.people || []); }
        })
        .catch(function () { /* suggestions are a convenience: the field works without them */ });
    }

    input.addEventListener("input", function () {
      window.clearTimeout(timer);
      timer = window.setTimeout(ask, 120);
    });
    input.addEventListener("focus", ask);
  }

  document.addEventListener("DOMContentLoaded", function () {
    facetCheckboxes();
    sortSelect();
    slashFocus();
    filterToggle();
    cleanSubmit();
    resetOnReturn();
    personSuggestions();
  });
})();
