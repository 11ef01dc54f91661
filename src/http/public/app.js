// Progressive enhancement for the FAQ page: suggestions as you type, answers without reloading,
// and /#<faq-id> deep links. Without this script the page is a plain form and links.
"use strict";

const input = document.getElementById("q");
const list = document.getElementById("suggestions");
const result = document.getElementById("result");
const form = input.form;
let active = -1;
let typingTimer;
let pending;
// Bumped whenever suggestions must close (an answer is shown): a late reply then stays closed.
let suggestionRound = 0;

function setExpanded(open) {
  list.hidden = !open;
  input.setAttribute("aria-expanded", String(open));
  if (!open) {
    active = -1;
    input.removeAttribute("aria-activedescendant");
  }
}

function renderSuggestions(items) {
  list.replaceChildren();
  items.forEach((item, index) => {
    const option = document.createElement("li");
    option.id = `suggestion-${index}`;
    option.setAttribute("role", "option");
    option.setAttribute("aria-selected", "false");
    option.dataset.id = item.id;
    option.textContent = item.question;
    option.addEventListener("mousedown", (event) => {
      event.preventDefault(); // keep focus in the box
      openEntry(item.id);
    });
    list.append(option);
  });
  setExpanded(items.length > 0);
}

function highlight(index) {
  const options = list.querySelectorAll("[role=option]");
  if (options.length === 0) return;
  active = (index + options.length) % options.length;
  options.forEach((option, i) => option.setAttribute("aria-selected", String(i === active)));
  input.setAttribute("aria-activedescendant", options[active].id);
}

async function fetchFragment(params) {
  pending?.abort();
  pending = new AbortController();
  const response = await fetch(`/?${new URLSearchParams({ ...params, fragment: "1" })}`, {
    signal: pending.signal,
  });
  if (!response.ok) throw new Error(`HTTP ${response.status}`);
  return response.text();
}

async function show(params, url) {
  suggestionRound++;
  setExpanded(false);
  result.setAttribute("aria-busy", "true");
  try {
    result.innerHTML = await fetchFragment(params);
    if (url) history.pushState(params, "", url);
    const heading = result.querySelector("h2");
    if (heading) heading.focus();
  } catch (error) {
    if (error.name !== "AbortError") {
      result.innerHTML =
        '<div class="notice" role="alert"><h2 tabindex="-1">Something went wrong</h2><p>Please try again.</p></div>';
    }
  } finally {
    result.removeAttribute("aria-busy");
  }
}

function ask(question) {
  return show({ q: question }, `/?q=${encodeURIComponent(question)}`);
}

function openEntry(id) {
  return show({ id }, `/#${encodeURIComponent(id)}`);
}

input.addEventListener("input", () => {
  clearTimeout(typingTimer);
  const text = input.value.trim();
  if (text.length < 2) return setExpanded(false);
  const round = ++suggestionRound;
  typingTimer = setTimeout(async () => {
    try {
      const response = await fetch(`/suggest?q=${encodeURIComponent(text)}`);
      const { suggestions } = response.ok ? await response.json() : { suggestions: [] };
      if (round === suggestionRound) renderSuggestions(suggestions);
    } catch {
      setExpanded(false);
    }
  }, 120);
});

input.addEventListener("keydown", (event) => {
  if (event.key === "ArrowDown") {
    event.preventDefault();
    if (list.hidden && list.children.length > 0) setExpanded(true);
    highlight(active + 1);
  } else if (event.key === "ArrowUp") {
    event.preventDefault();
    highlight(active - 1);
  } else if (event.key === "Escape") {
    setExpanded(false);
  } else if (event.key === "Enter" && !list.hidden && active >= 0) {
    event.preventDefault();
    openEntry(list.children[active].dataset.id);
  }
});

input.addEventListener("blur", () => setTimeout(() => setExpanded(false), 100));

form.addEventListener("submit", (event) => {
  const question = input.value.trim();
  if (question === "") return;
  event.preventDefault();
  clearTimeout(typingTimer);
  ask(question);
});

// Entry links anywhere on the page (answers, related, topics) open in place.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-id]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey) return;
  event.preventDefault();
  openEntry(link.dataset.id);
});

function fromLocation() {
  const id = decodeURIComponent(location.hash.slice(1));
  if (id && /^[a-z0-9-]+$/.test(id) && !document.querySelector(`[data-entry="${id}"]`)) {
    show({ id });
  } else if (!id && !location.search) {
    result.replaceChildren();
  }
}

window.addEventListener("popstate", (event) => {
  if (event.state && (event.state.q || event.state.id)) show(event.state);
  else fromLocation();
});
fromLocation();
