// Progressive enhancement for the FAQ page: suggestions as you type, answers, votes and
// suggestions without reloading, Back and Forward, copying an answer's link, and /#<faq-id>
// links, and the language switcher applied as soon as it changes. Without this script the page
// is plain forms and links. Every text it shows comes from the server (the result areas it
// fetches, and the JSON in #page-data), in the page's language.
"use strict";

const { siteName, titleSeparator, linkLanguage, texts } = JSON.parse(
  document.getElementById("page-data").textContent,
);
const input = document.getElementById("q");
const list = document.getElementById("suggestions");
const result = document.getElementById("result");
const askForm = input.form;
let active = -1;
let typingTimer;
let pending;
// Bumped whenever suggestions must close (an answer is shown): a late reply then stays closed.
let suggestionRound = 0;
/** Result areas already shown, by address: Back and Forward show them again without asking. */
const shown = new Map();
/** The address (see addressOf) whose result area is on screen. */
let shownKey;

// ---------------------------------------------------------------------------------------------
// Addresses: /?q=<question>, /?id=<faq-id> (also /#<faq-id>, the older form), or / alone, each
// with the language asked for (&lang=<code>) when there is one.

/** What an address shows: {q}, {id}, or {} for the bare page; and its {lang}, if any. */
function paramsOf(url) {
  const search = new URLSearchParams(url.search);
  const lang = search.get("lang") ?? undefined;
  if (search.has("q")) return { q: search.get("q"), lang };
  if (search.has("id")) return { id: search.get("id"), lang };
  let hash = "";
  try {
    hash = decodeURIComponent(url.hash.slice(1));
  } catch {
    // not an entry id (a malformed %-escape)
  }
  // A hash naming something on the page (#topics) is an anchor, not an entry.
  if (/^[a-z0-9-]+$/.test(hash) && document.getElementById(hash) === null) return { id: hash };
  return lang === undefined ? {} : { lang };
}

/** The query of `params` (only the ones given), and `extra`. */
function searchOf(params, extra = {}) {
  const search = new URLSearchParams();
  for (const name of ["q", "id", "lang"])
    if (params[name] !== undefined) search.set(name, params[name]);
  for (const [name, value] of Object.entries(extra)) search.set(name, value);
  return search;
}

function addressOf(params) {
  const search = searchOf(params).toString().replace(/\+/g, "%20");
  return search === "" ? "/" : `/?${search}`;
}

// ---------------------------------------------------------------------------------------------
// The result area

/**
 * Shows a result area and what goes with it: the tab title, the buttons, and (given the
 * params it answers) the question box.
 */
function render(html, params) {
  result.innerHTML = html;
  document.title = result.firstElementChild?.dataset.title ?? siteName;
  if (params) {
    input.value = params.q ?? "";
    keepInSwitcher(params);
  }
  enhance(result);
}

/** A problem the server could not be asked about (offline): built from the texts it sent. */
function problemHtml({ title, body }) {
  const notice = document.createElement("div");
  notice.className = "notice problem";
  notice.dataset.title = `${title}${titleSeparator}${siteName}`;
  const heading = document.createElement("h2");
  heading.tabIndex = -1;
  heading.textContent = title;
  const text = document.createElement("p");
  text.textContent = body;
  notice.append(heading, text);
  return notice.outerHTML;
}

/** The server's words for any status (a rate limit, a question too long), as HTML. */
async function htmlOf(response) {
  const type = response.headers.get("content-type") ?? "";
  if (type.startsWith("text/html")) return response.text();
  throw new Error(`HTTP ${response.status}`);
}

/**
 * Shows what `params` ask for: fetched (or remembered, for Back and Forward), then, when
 * `push`, recorded as a new history entry at its own address.
 */
async function show(params, { push = false, replace = false, remembered = false } = {}) {
  const address = addressOf(params);
  suggestionRound++;
  setExpanded(false);
  if (remembered && shown.has(address)) {
    shownKey = address;
    render(shown.get(address), params);
    return;
  }
  pending?.abort();
  pending = new AbortController();
  result.setAttribute("aria-busy", "true");
  try {
    const query = searchOf(params, { fragment: "1" });
    const response = await fetch(`/?${query}`, { signal: pending.signal });
    const html = await htmlOf(response);
    // A reply in another language than the page's (a question asked in Spanish on the English
    // page): load the page at its address, whose every word is then in that language, as
    // without the script. The server takes that load as this ask's (src/http/web/page-repeats.ts):
    // one question, counted and charged once.
    const language = response.headers.get("content-language");
    if (response.ok && language && language !== document.documentElement.lang) {
      if (push) location.assign(address);
      else location.replace(address);
      return;
    }
    if (response.ok) shown.set(address, html); // a problem (a rate limit) is asked again
    if (push) history.pushState(params, "", address);
    if (replace) history.replaceState(params, "", address);
    shownKey = address;
    render(html, params);
    result.querySelector("h2")?.focus();
  } catch (error) {
    if (error.name !== "AbortError") render(problemHtml(texts.networkError));
  } finally {
    result.removeAttribute("aria-busy");
  }
}

function ask(question) {
  return show({ q: question }, { push: true });
}

/** Opens an entry in the page's language (what its links on the page say). */
function openEntry(id) {
  return show({ id, lang: linkLanguage ?? undefined }, { push: true });
}

window.addEventListener("popstate", (event) => {
  const params = event.state ?? paramsOf(location);
  if (addressOf(params) === shownKey) return; // only the hash changed (#topics): nothing to redo
  show(params, { remembered: true });
});

// ---------------------------------------------------------------------------------------------
// Suggestions as you type

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

askForm.addEventListener("submit", (event) => {
  const question = input.value.trim();
  if (question === "") return;
  event.preventDefault();
  clearTimeout(typingTimer);
  ask(question);
});

// Entry links anywhere on the page (answers, related, topics) open in place.
document.addEventListener("click", (event) => {
  const link = event.target.closest("a[data-id]");
  if (!link || event.ctrlKey || event.metaKey || event.shiftKey || event.altKey) return;
  event.preventDefault();
  show(paramsOf(link), { push: true }); // an anchor has the search and hash a URL has
});

// ---------------------------------------------------------------------------------------------
// The language switcher: a plain form (?lang=) that keeps what is shown; applied on change.

const switcher = document.querySelector("form.language");

/** Keeps the switcher's hidden q or id at what the page shows (the script changes it in place). */
function keepInSwitcher(params) {
  if (!switcher) return;
  for (const name of ["q", "id"]) {
    let field = switcher.querySelector(`input[type=hidden][name=${name}]`);
    if (params[name] === undefined) {
      field?.remove();
      continue;
    }
    if (!field) {
      field = document.createElement("input");
      field.type = "hidden";
      field.name = name;
      switcher.prepend(field);
    }
    field.value = params[name];
  }
}

if (switcher) {
  switcher.querySelector("button[type=submit]").hidden = true;
  switcher.elements.lang.addEventListener("change", () => switcher.requestSubmit());
}

// ---------------------------------------------------------------------------------------------
// Votes and question suggestions: the same form posts, answered with a status line in place.

document.addEventListener("submit", async (event) => {
  const form = event.target;
  if (!form.matches("form.vote, form.suggest")) return;
  event.preventDefault();
  const body = new URLSearchParams(new FormData(form));
  if (event.submitter?.name) body.append(event.submitter.name, event.submitter.value);
  const status = form.querySelector(".form-status");
  try {
    const response = await fetch(`${form.getAttribute("action")}?fragment=1`, {
      method: "POST",
      body,
    });
    const html = await htmlOf(response);
    if (response.ok && form.matches(".suggest"))
      form.querySelectorAll("input, button").forEach((field) => (field.disabled = true));
    status.outerHTML = html;
  } catch {
    status.textContent = texts.networkError.title;
    status.classList.add("problem");
  }
});

// ---------------------------------------------------------------------------------------------
// An answer's link: shared (phones) or copied

function enhance(root) {
  const button = root.querySelector(".share-button");
  if (!button) return;
  button.textContent = navigator.share ? texts.share : texts.copy;
  button.hidden = false;
}

async function copy(field) {
  try {
    await navigator.clipboard.writeText(field.value);
    return true;
  } catch {
    // No clipboard API over plain HTTP (not a secure context): the old way.
    field.select();
    return document.execCommand("copy");
  }
}

document.addEventListener("click", async (event) => {
  const button = event.target.closest(".share-button");
  if (!button) return;
  const share = button.closest(".share");
  const field = share.querySelector(".permalink");
  const status = share.querySelector(".form-status");
  if (navigator.share) {
    navigator.share({ title: document.title, url: field.value }).catch(() => undefined);
    return;
  }
  status.textContent = (await copy(field)) ? texts.copied : texts.copyFailed;
});

// ---------------------------------------------------------------------------------------------
// Start: remember what the server rendered, so Back returns to it as it was.

const initial = paramsOf(location);
history.replaceState(initial, "", location.href);
enhance(result);
if (initial.id !== undefined && !location.search) {
  // /#<faq-id>: open the entry at its own address (/?id=), which works without JavaScript too.
  show(initial, { replace: true });
} else {
  shownKey = addressOf(initial);
  shown.set(shownKey, result.innerHTML);
}
