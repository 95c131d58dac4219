/* Cari Berita: small enhancements of pages that work without JavaScript.
   - ticking a facet checkbox, choosing a sort order or a number of results per page navigates at once
     (its URL is in data-url);
   - "Judul saja" shows titles only (remembered in localStorage);
   - "/" focuses the search box;
   - on a phone the filter panel folds behind a "Filter" button, and stays open across ticks, and a chart
     wider than the screen opens at its newest periods;
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

  function linkedSelects() {
    /* The sort order and the results per page: each option carries its URL. */
    Array.prototype.forEach.call(document.querySelectorAll(".sort select"), function (select) {
      select.addEventListener("change", function () {
        var option = select.options[select.selectedIndex];
        go(option && option.getAttribute("data-url"));
      });
    });
  }

  function remembered(storage, key, value) {
    /* Read (value undefined) or write a preference; storage may be unavailable (private mode). */
    try {
      if (value === undefined) { return storage.getItem(key); }
      if (value === null) { storage.removeItem(key); } else { storage.setItem(key, value); }
    } catch (error) { return null; }
    return value;
  }

  function viewToggle() {
    /* "Judul saja": titles only, a reader's preference kept across searches. */
    var button = document.querySelector(".view-toggle");
    var hits = document.querySelector(".hits");
    if (!button || !hits) { return; }
    function apply(compact) {
      hits.classList.toggle("compact", compact);
      button.setAttribute("aria-pressed", compact ? "true" : "false");
    }
    button.hidden = false;
    apply(remembered(window.localStorage, "tampilan", undefined) === "judul");
    button.addEventListener("click", function () {
      var compact = !hits.classList.contains("compact");
      remembered(window.localStorage, "tampilan", compact ? "judul" : null);
      apply(compact);
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
    /* On a phone the panel stays open across ticks (each tick loads a new page) until it is closed. */
    var panel = document.querySelector(".filters");
    var button = panel && panel.querySelector(".filters-toggle");
    if (!button) { return; }
    function show(open) {
      panel.classList.toggle("open", open);
      button.setAttribute("aria-expanded", open ? "true" : "false");
    }
    show(remembered(window.sessionStorage, "filter-terbuka", undefined) === "1");
    button.addEventListener("click", function () {
      var open = !panel.classList.contains("open");
      remembered(window.sessionStorage, "filter-terbuka", open ? "1" : null);
      show(open);
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
        var typed = (name === "from" || name === "to") && /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(value);
        if (typed) {  /* 24/02/2022 as typed, 2022-02-24 in the URL (as the links write it) */
          value = typed[3] + "-" + ("0" + typed[2]).slice(-2) + "-" + ("0" + typed[1]).slice(-2);
        }
        if (value === "" || (name === "sort" && value === "relevance") || (name === "per_page" && value === "10")) {
          return;
        }
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

  // On a phone the chart starts folded, so that the first screen shows results.
  function foldChartOnPhones() {
    var chart = document.querySelector("details.attention-chart");
    if (chart && window.matchMedia("(max-width: 53.99rem)").matches) {
      chart.removeAttribute("open");
    }
  }

  // A chart wider than a phone scrolls in its box: it opens at its right end, the newest periods.
  function scrollToNewest() {
    Array.prototype.forEach.call(document.querySelectorAll(".chart-scroll"), function (box) {
      box.scrollLeft = box.scrollWidth;
    });
  }

  function newestInView() {
    scrollToNewest();
    var chart = document.querySelector("details.attention-chart");
    if (chart) {
      chart.addEventListener("toggle", scrollToNewest);  // a folded chart has no width until it opens
    }
  }

  document.addEventListener("DOMContentLoaded", function () {
    foldChartOnPhones();
    newestInView();
    facetCheckboxes();
    linkedSelects();
    viewToggle();
    slashFocus();
    filterToggle();
    cleanSubmit();
    resetOnReturn();
    personSuggestions();
  });
})();
