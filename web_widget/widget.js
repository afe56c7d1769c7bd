/*
 * AidGuide chat widget: one plain script, no framework, no build step.
 *
 * Embed it with one tag:
 *   <script src="https://HOST/widget.js" data-lang="fr" defer></script>
 * or place <aidguide-chat lang="nl"></aidguide-chat> where you want it and load the script.
 *
 * Why it is built this way:
 * - Shadow DOM keeps the host page's styles out and ours in; the CSS lives in this file and
 *   is adopted as a constructed stylesheet, so it works under a strict Content-Security-Policy
 *   (no inline <script>, no inline style attribute, no eval).
 * - Every bot or user text is put in the page with textContent / text nodes, never as HTML.
 *   Links are built element by element, and only for http/https addresses.
 * - The API base is derived from this script's own src, so the widget talks to its own server
 *   wherever it is embedded; requests go with credentials: "omit" and the widget sets no
 *   cookie. The conversation id lives in sessionStorage only.
 * - UI strings come from the gettext catalogs (domain "widget"), served as JSON by the app.
 *   t("English msgid") is the extraction keyword (locales/widget.cfg).
 */
(function () {
  "use strict";

  var TAG = "aidguide-chat";
  if (!window.customElements || window.customElements.get(TAG)) {
    return; // loaded twice, or a browser too old for custom elements: leave the page alone
  }

  var SCRIPT = document.currentScript;
  var SCRIPT_SRC = SCRIPT && SCRIPT.src ? SCRIPT.src : window.location.href;
  var BASE = new URL("./", SCRIPT_SRC).href;
  var SCRIPT_LANG = SCRIPT ? SCRIPT.getAttribute("data-lang") : null;

  var LANGUAGES = { fr: "Français", nl: "Nederlands" };
  var DEFAULT_LANGUAGE = "fr";
  var MAX_LENGTH = 2000;
  var STORAGE_KEY = "aidguide.conversation_id";
  var HELPDESK_EMAIL = "question@mi-is.be";
  var HELPDESK_PHONE = "+32 2 508 85 85";
  var HELPDESK_PHONE_URI = "tel:+3225088585";
  var STATEMENT_PATHS = { fr: "accessibilite", nl: "nl/toegankelijkheid" };

  var CSS = [
    ":host{all:initial;font-family:inherit;font-size:inherit;line-height:1.5;color:#1b1b1b}",
    "*,*::before,*::after{box-sizing:border-box}",
    "[hidden]{display:none!important}",
    ".vh{position:absolute!important;width:1px;height:1px;margin:-1px;padding:0;overflow:hidden;",
    "clip:rect(0 0 0 0);clip-path:inset(50%);white-space:nowrap;border:0}",
    "button,input{font:inherit;color:inherit}",
    "button{cursor:pointer}",
    ":focus-visible{outline:3px solid #0b0c0c;outline-offset:2px;box-shadow:0 0 0 2px #ffdd00}",
    "a{color:#1a4480;text-decoration:underline}",
    "a:hover{text-decoration-thickness:.15em}",
    /* launcher */
    ".launcher{position:fixed;right:1em;bottom:1em;z-index:2147483000;display:inline-flex;",
    "align-items:center;gap:.5em;min-height:2.75em;max-width:calc(100vw - 2em);",
    "padding:.55em 1.1em;border:2px solid #fff;border-radius:1.5em;background:#1a4480;",
    "color:#fff;font-weight:600;box-shadow:0 .15em .6em rgba(0,0,0,.35)}",
    ".launcher:hover{background:#162e51}",
    ".launcher svg,.icon svg{width:1.25em;height:1.25em;flex:none}",
    /* panel */
    ".panel{position:fixed;right:1em;bottom:1em;z-index:2147483001;display:flex;",
    "flex-direction:column;width:min(27em,calc(100vw - 2em));height:min(42em,calc(100vh - 2em));",
    "background:#fff;color:#1b1b1b;border:1px solid #565c65;border-radius:.5em;",
    "box-shadow:0 .25em 1.5em rgba(0,0,0,.35);overflow:hidden;",
    "animation:ag-in .18s ease-out}",
    "@keyframes ag-in{from{opacity:0;transform:translateY(.75em)}to{opacity:1;transform:none}}",
    "@media (max-width:30em),(max-height:32em){.panel{inset:0;width:auto;height:auto;",
    "border:0;border-radius:0}}",
    "header{display:flex;flex-wrap:wrap;align-items:center;gap:.25em .5em;padding:.5em .5em .5em .9em;",
    "background:#1a4480;color:#fff}",
    "header h2{flex:1 1 8em;margin:0;font-size:1.1em;line-height:1.3}",
    ".icon{display:inline-flex;align-items:center;justify-content:center;min-width:2.75em;",
    "min-height:2.75em;padding:.25em;border:2px solid transparent;border-radius:.3em;",
    "background:transparent;color:#fff}",
    ".icon:hover{border-color:#fff}",
    ".toolbar{display:flex;flex-wrap:wrap;align-items:center;justify-content:space-between;",
    "gap:.4em;padding:.4em .6em;border-bottom:1px solid #dfe1e2;background:#f0f0f0}",
    ".langs{display:flex;gap:.3em;margin:0;padding:0;border:0}",
    ".tool{min-height:2.75em;min-width:2.75em;padding:.3em .7em;border:1px solid #565c65;",
    "border-radius:.3em;background:#fff;color:#1b1b1b}",
    ".tool:hover{background:#e6e6e6}",
    ".toolbar .tool{font-size:.9em;padding:.3em .55em}",
    ".tool[aria-pressed=true]{background:#1a4480;border-color:#1a4480;color:#fff;font-weight:700}",
    ".scroll{flex:1 1 auto;min-height:6em;overflow-y:auto;overflow-x:hidden;padding:.75em;",
    "overscroll-behavior:contain}",
    ".notice{margin:0 0 .75em;padding:.5em .75em;border-left:.3em solid #1a4480;",
    "background:#eff6fb;font-size:.95em}",
    ".log{display:flex;flex-direction:column;gap:.5em;margin:0;padding:0;list-style:none}",
    ".msg{max-width:88%;padding:.5em .75em;border-radius:.75em;white-space:pre-line;",
    "overflow-wrap:anywhere}",
    ".msg.bot{align-self:flex-start;background:#f0f0f0;border-bottom-left-radius:.2em}",
    ".msg.user{align-self:flex-end;background:#1a4480;color:#fff;border-bottom-right-radius:.2em}",
    ".msg.info{align-self:center;max-width:100%;background:transparent;font-style:italic;",
    "color:#454545;text-align:center}",
    ".replies{display:flex;flex-wrap:wrap;gap:.4em;margin:0;padding:0;list-style:none}",
    ".reply{min-height:2.75em;padding:.4em .9em;border:2px solid #1a4480;border-radius:1.4em;",
    "background:#fff;color:#1a4480;font-weight:600;text-align:start}",
    ".reply:hover{background:#eff6fb}",
    ".typing{display:flex;align-items:center;gap:.5em;margin:.75em 0 0;color:#454545}",
    ".dots{display:inline-flex;gap:.2em}",
    ".dots span{width:.45em;height:.45em;border-radius:50%;background:#565c65;",
    "animation:ag-blink 1.2s infinite ease-in-out}",
    ".dots span:nth-child(2){animation-delay:.2s}.dots span:nth-child(3){animation-delay:.4s}",
    "@keyframes ag-blink{0%,80%,100%{opacity:.25}40%{opacity:1}}",
    ".error{margin:.75em 0 0;padding:.6em .8em;border:2px solid #b50909;border-radius:.3em;",
    "background:#fdf2f2;color:#1b1b1b}",
    ".error p{margin:0 0 .4em}",
    ".error .strong{font-weight:700}",
    ".error ul{margin:0 0 .5em;padding-left:1.2em}",
    ".retry{min-height:2.75em;padding:.3em .9em;border:0;border-radius:.3em;background:#b50909;",
    "color:#fff;font-weight:600}",
    ".retry:hover{background:#8b0a03}",
    "form{display:flex;flex-wrap:wrap;gap:.4em;padding:.6em;border-top:1px solid #dfe1e2}",
    "form label{flex:1 0 100%;font-weight:600;font-size:.95em}",
    "form input{flex:1 1 10em;min-width:0;min-height:2.75em;padding:.4em .6em;",
    "font-size:max(1em,16px);border:2px solid #565c65;border-radius:.3em;background:#fff}",
    ".send{min-height:2.75em;padding:.3em 1em;border:0;border-radius:.3em;background:#1a4480;",
    "color:#fff;font-weight:600}",
    ".send:hover{background:#162e51}",
    ".hint{flex:1 0 100%;margin:0;font-size:.85em;color:#454545}",
    ".footer{margin:0;padding:0 .6em .5em;font-size:.85em}",
    "@media (prefers-reduced-motion:reduce){*,*::before,*::after{animation:none!important;",
    "transition:none!important;scroll-behavior:auto!important}}",
    "@media (forced-colors:active){.launcher,.send,.retry,.reply,.tool,.msg{border:1px solid}",
    ".tool[aria-pressed=true]{outline:2px solid}}",
  ].join("\n");

  /* ---------- small helpers ---------- */

  function normalizeLanguage(value) {
    var code = String(value || "").trim().toLowerCase().replace("_", "-").split("-")[0];
    return Object.prototype.hasOwnProperty.call(LANGUAGES, code) ? code : null;
  }

  function el(tag, attrs, children) {
    var node = document.createElement(tag);
    Object.keys(attrs || {}).forEach(function (name) {
      var value = attrs[name];
      if (value === null || value === undefined || value === false) return;
      if (name === "text") node.textContent = value;
      else if (name === "className") node.className = value;
      else node.setAttribute(name, value === true ? "" : value);
    });
    (children || []).forEach(function (child) {
      node.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return node;
  }

  function svgIcon(pathData) {
    var ns = "http://www.w3.org/2000/svg";
    var svg = document.createElementNS(ns, "svg");
    svg.setAttribute("viewBox", "0 0 24 24");
    svg.setAttribute("aria-hidden", "true");
    svg.setAttribute("focusable", "false");
    var path = document.createElementNS(ns, "path");
    path.setAttribute("d", pathData);
    path.setAttribute("fill", "currentColor");
    svg.appendChild(path);
    return svg;
  }

  var ICON_CHAT =
    "M4 3h16a2 2 0 0 1 2 2v11a2 2 0 0 1-2 2H9l-5 4v-4a2 2 0 0 1-2-2V5a2 2 0 0 1 2-2z" +
    "m3 6v2h2V9H7zm4 0v2h2V9h-2zm4 0v2h2V9h-2z";
  var ICON_CLOSE =
    "M18.3 5.7 16.9 4.3 12 9.2 7.1 4.3 5.7 5.7 10.6 10.6 5.7 15.5 7.1 16.9 12 12 16.9 16.9 " +
    "18.3 15.5 13.4 10.6z";

  function readStorage() {
    try {
      return window.sessionStorage.getItem(STORAGE_KEY);
    } catch (error) {
      return null; // storage can be disabled: the conversation then lives in memory only
    }
  }

  function writeStorage(value) {
    try {
      if (value) window.sessionStorage.setItem(STORAGE_KEY, value);
      else window.sessionStorage.removeItem(STORAGE_KEY);
    } catch (error) {
      /* see readStorage */
    }
  }

  /* Catalogs: one fetch per language, shared by every widget on the page. */
  var catalogs = {};
  function loadCatalog(lang) {
    if (!catalogs[lang]) {
      catalogs[lang] = fetch(BASE + "widget/i18n/" + lang + ".json", {
        credentials: "omit",
        headers: { Accept: "application/json" },
      })
        .then(function (response) {
          return response.ok ? response.json() : {};
        })
        .then(function (data) {
          return (data && data.messages) || {};
        })
        .catch(function () {
          delete catalogs[lang]; // try again next time; meanwhile the English msgids show
          return {};
        });
    }
    return catalogs[lang];
  }

  /* Only http(s) addresses and phone numbers become links; markdown [label](url), [label](tel:+32…)
     and bare URLs are recognised. */
  var LINK_PATTERN = /\[([^\]\n]{1,300})\]\(((?:https?:\/\/|tel:)[^\s)]+)\)|(https?:\/\/[^\s<>"']+)/g;
  var PHONE_URI = /^tel:\+?[0-9]{3,15}$/;

  function safeUrl(candidate) {
    if (PHONE_URI.test(candidate)) return candidate; // a phone number: digits only, nothing else
    try {
      var url = new URL(candidate);
      return url.protocol === "http:" || url.protocol === "https:" ? url.href : null;
    } catch (error) {
      return null;
    }
  }

  /* ---------- the element ---------- */

  class AidGuideChat extends HTMLElement {
    constructor() {
      super();
      this.language = "";
      this.messages = {};
      this.labels = [];
      this.conversationId = readStorage();
      this.busy = false;
      this.greeted = false;
      this.lastRequest = null;
      this.initialised = false;
    }

    connectedCallback() {
      if (this.initialised) return;
      this.initialised = true;
      var lang =
        normalizeLanguage(this.getAttribute("lang")) ||
        normalizeLanguage(SCRIPT_LANG) ||
        normalizeLanguage(document.documentElement.lang) ||
        DEFAULT_LANGUAGE;
      this.root = this.attachShadow({ mode: "open" });
      this.applyStyles();
      this.build();
      this.setLanguage(lang).then(
        function () {
          this.launcher.hidden = false;
        }.bind(this)
      );
    }

    /* t("msgid", {name: value}): the catalog's translation with {name} placeholders filled. */
    t(msgid, params) {
      var text = this.messages[msgid] || msgid;
      return text.replace(/\{(\w+)\}/g, function (whole, name) {
        return params && Object.prototype.hasOwnProperty.call(params, name) ? params[name] : whole;
      });
    }

    /* A UI string that follows the language switch: remember how to fill it again. */
    label(node, render, attribute) {
      var entry = { node: node, render: render, attribute: attribute };
      this.labels.push(entry);
      this.fill(entry);
      return node;
    }

    fill(entry) {
      var text = entry.render();
      if (entry.attribute) entry.node.setAttribute(entry.attribute, text);
      else entry.node.textContent = text;
    }

    applyStyles() {
      var sheetSupported = "adoptedStyleSheets" in Document.prototype && "replaceSync" in CSSStyleSheet.prototype;
      if (sheetSupported) {
        var sheet = new CSSStyleSheet();
        sheet.replaceSync(CSS);
        this.root.adoptedStyleSheets = [sheet];
      } else {
        this.root.appendChild(el("style", { text: CSS }));
      }
    }

    build() {
      var self = this;
      var root = this.root;
      var t = this.t.bind(this);

      this.launcher = el("button", {
        type: "button",
        className: "launcher",
        "aria-haspopup": "dialog",
        "aria-expanded": "false",
        hidden: true,
      });
      this.launcher.appendChild(svgIcon(ICON_CHAT));
      this.launcher.appendChild(this.label(el("span"), function () { return t("Ask a question"); }));
      this.launcher.addEventListener("click", function () { self.open(); });

      /* One polite live region, outside the dialog so it is always rendered. */
      this.announcer = el("div", { className: "vh", role: "status", "aria-live": "polite", "aria-atomic": "true" });

      var titleId = "aidguide-title";
      this.panel = el("div", {
        className: "panel",
        role: "dialog",
        "aria-modal": "true",
        "aria-labelledby": titleId,
        hidden: true,
      });

      var header = el("header");
      header.appendChild(this.label(el("h2", { id: titleId }), function () { return t("AidGuide, the social aid assistant"); }));
      var close = el("button", { type: "button", className: "icon close" });
      close.appendChild(svgIcon(ICON_CLOSE));
      close.appendChild(this.label(el("span", { className: "vh" }), function () { return t("Close the chat"); }));
      close.addEventListener("click", function () { self.close(); });
      header.appendChild(close);

      var toolbar = el("div", { className: "toolbar" });
      var langs = this.label(el("div", { className: "langs", role: "group" }), function () { return t("Language"); }, "aria-label");
      this.langButtons = {};
      Object.keys(LANGUAGES).forEach(function (code) {
        var button = el("button", { type: "button", className: "tool lang", lang: code, "data-lang": code, "aria-pressed": "false" }, [
          code.toUpperCase(),
          el("span", { className: "vh", text: " " + LANGUAGES[code] }),
        ]);
        button.addEventListener("click", function () { self.switchLanguage(code); });
        self.langButtons[code] = button;
        langs.appendChild(button);
      });
      toolbar.appendChild(langs);
      this.clearButton = this.label(el("button", { type: "button", className: "tool clear" }), function () { return t("Clear the conversation"); });
      this.clearButton.addEventListener("click", function () { self.clear(); });
      toolbar.appendChild(this.clearButton);

      var scroll = el("div", { className: "scroll" });
      this.scroller = scroll;
      scroll.appendChild(
        this.label(el("p", { className: "notice" }), function () {
          return t("We do not keep what you type. Do not give your national register number or other personal details.");
        })
      );
      /* role="log" gives the conversation its structure; announcements go through the separate
         live region (aria-live="off" here), so that each bot reply is read once, not twice. */
      this.log = this.label(el("div", { className: "log", role: "log", "aria-live": "off" }), function () { return t("Conversation"); }, "aria-label");
      scroll.appendChild(this.log);

      this.typing = el("p", { className: "typing", hidden: true }, [
        el("span", { className: "dots", "aria-hidden": "true" }, [el("span"), el("span"), el("span")]),
      ]);
      this.typing.appendChild(this.label(el("span"), function () { return t("The assistant is writing…"); }));
      scroll.appendChild(this.typing);

      this.errorBox = el("div", { className: "error", hidden: true });
      scroll.appendChild(this.errorBox);

      var form = el("form", { novalidate: true });
      var inputId = "aidguide-input";
      var hintId = "aidguide-hint";
      form.appendChild(this.label(el("label", { for: inputId }), function () { return t("Your message"); }));
      this.input = el("input", {
        id: inputId,
        type: "text",
        maxlength: String(MAX_LENGTH),
        autocomplete: "off",
        spellcheck: "true",
        "aria-describedby": hintId,
      });
      form.appendChild(this.input);
      this.sendButton = this.label(el("button", { type: "submit", className: "send" }), function () { return t("Send"); });
      form.appendChild(this.sendButton);
      form.appendChild(
        this.label(el("p", { id: hintId, className: "hint" }), function () {
          return t("At most {max} characters.", { max: MAX_LENGTH.toLocaleString(self.language ? self.language + "-BE" : undefined) });
        })
      );
      form.addEventListener("submit", function (event) {
        event.preventDefault();
        var text = self.input.value.trim();
        if (!text || self.busy) return;
        self.input.value = "";
        self.send(text.slice(0, MAX_LENGTH), text.slice(0, MAX_LENGTH), { typed: true });
      });

      var footer = el("p", { className: "footer" });
      this.statementLink = el("a", { target: "_blank", rel: "noopener noreferrer" });
      this.statementLink.appendChild(this.label(el("span"), function () { return t("Accessibility statement"); }));
      this.statementLink.appendChild(this.label(el("span", { className: "vh" }), function () { return " " + t("(opens in a new window)"); }));
      footer.appendChild(this.statementLink);

      this.panel.appendChild(header);
      this.panel.appendChild(toolbar);
      this.panel.appendChild(scroll);
      this.panel.appendChild(form);
      this.panel.appendChild(footer);
      this.panel.addEventListener("keydown", function (event) { self.onKeydown(event); });

      this.wrapper = el("div", { className: "wrapper" });
      this.wrapper.appendChild(this.launcher);
      this.wrapper.appendChild(this.panel);
      this.wrapper.appendChild(this.announcer);
      root.appendChild(this.wrapper);
    }

    /* ---------- language ---------- */

    setLanguage(lang) {
      var self = this;
      return loadCatalog(lang).then(function (messages) {
        self.language = lang;
        self.messages = messages;
        self.wrapper.setAttribute("lang", lang);
        self.labels.forEach(function (entry) { self.fill(entry); });
        Object.keys(self.langButtons).forEach(function (code) {
          self.langButtons[code].setAttribute("aria-pressed", code === lang ? "true" : "false");
        });
        self.statementLink.href = BASE + STATEMENT_PATHS[lang];
        var retry = self.errorBox.hidden ? null : self.errorBox.getAttribute("data-kind");
        if (retry) self.showError(retry, self.errorBox.getAttribute("data-message"), false);
      });
    }

    switchLanguage(lang) {
      if (lang === this.language || this.busy) return;
      var self = this;
      this.setLanguage(lang).then(function () {
        var command = "/change_language" + JSON.stringify({ language: lang });
        self.send(command, null, { lang: lang });
      });
    }

    /* ---------- dialog ---------- */

    open() {
      this.panel.hidden = false;
      this.launcher.hidden = true;
      this.launcher.setAttribute("aria-expanded", "true");
      this.input.focus();
      if (!this.greeted && !this.busy) {
        this.greeted = true;
        this.send("/greet", null, {});
      }
    }

    close() {
      this.panel.hidden = true;
      this.launcher.hidden = false;
      this.launcher.setAttribute("aria-expanded", "false");
      this.launcher.focus();
    }

    focusables() {
      var nodes = this.panel.querySelectorAll("button, input, a[href], [tabindex]:not([tabindex='-1'])");
      return Array.prototype.filter.call(nodes, function (node) {
        return !node.disabled && node.getClientRects().length > 0;
      });
    }

    onKeydown(event) {
      if (event.key === "Escape") {
        event.preventDefault();
        event.stopPropagation();
        this.close();
        return;
      }
      if (event.key !== "Tab") return;
      var items = this.focusables();
      if (!items.length) return;
      var first = items[0];
      var last = items[items.length - 1];
      var active = this.root.activeElement;
      if (event.shiftKey && (active === first || !this.panel.contains(active))) {
        event.preventDefault();
        last.focus();
      } else if (!event.shiftKey && (active === last || !this.panel.contains(active))) {
        event.preventDefault();
        first.focus();
      }
    }

    /* ---------- messages ---------- */

    announce(text) {
      var announcer = this.announcer;
      announcer.textContent = "";
      /* A fresh text node after a tick, so that two identical replies are both announced. */
      window.setTimeout(function () { announcer.textContent = text; }, 60);
    }

    scrollToEnd() {
      this.scroller.scrollTop = this.scroller.scrollHeight;
    }

    appendMessage(kind, text, lang) {
      var item = el("div", { className: "msg " + kind, lang: lang });
      var who = kind === "bot" ? this.t("Assistant:") : kind === "user" ? this.t("You:") : null;
      if (who) item.appendChild(el("span", { className: "vh", text: who + " " }));
      var body = el("span", { className: "body" });
      if (kind === "bot") this.appendRichText(body, text);
      else body.appendChild(document.createTextNode(text));
      item.appendChild(body);
      this.log.appendChild(item);
      this.scrollToEnd();
      return item;
    }

    /* Text with http(s) and tel: links; everything else stays text nodes (never parsed as HTML). */
    appendRichText(parent, text) {
      var cursor = 0;
      var match;
      LINK_PATTERN.lastIndex = 0;
      while ((match = LINK_PATTERN.exec(text)) !== null) {
        var label = match[1];
        var raw = match[2] || match[3];
        var trailing = "";
        if (!label) {
          var trimmed = raw.replace(/[.,;:!?)\]]+$/, "");
          trailing = raw.slice(trimmed.length);
          raw = trimmed;
        }
        var href = safeUrl(raw);
        if (!href) continue;
        parent.appendChild(document.createTextNode(text.slice(cursor, match.index)));
        var link;
        if (PHONE_URI.test(href)) {
          link = el("a", { href: href }); // calls from a phone; stays on the page
          link.appendChild(document.createTextNode(label || raw));
        } else {
          link = el("a", { href: href, target: "_blank", rel: "noopener noreferrer" });
          link.appendChild(document.createTextNode(label || raw));
          link.appendChild(el("span", { className: "vh", text: " " + this.t("(opens in a new window)") }));
        }
        parent.appendChild(link);
        if (trailing) parent.appendChild(document.createTextNode(trailing));
        cursor = match.index + match[0].length;
      }
      parent.appendChild(document.createTextNode(text.slice(cursor)));
    }

    appendReplies(buttons, lang) {
      var self = this;
      var list = el("ul", { className: "replies", lang: lang });
      list.setAttribute("aria-label", this.t("Suggested answers"));
      buttons.forEach(function (button) {
        if (!button || typeof button.title !== "string" || typeof button.payload !== "string") return;
        var item = el("li");
        var control = el("button", { type: "button", className: "reply", text: button.title });
        control.addEventListener("click", function () {
          if (self.busy) return;
          self.send(button.payload, button.title, {});
        });
        item.appendChild(control);
        list.appendChild(item);
      });
      if (!list.childNodes.length) return;
      var holder = el("div", { className: "replies-holder" }, [list]);
      this.log.appendChild(holder);
      this.scrollToEnd();
    }

    removeReplies() {
      var holders = this.log.querySelectorAll(".replies-holder");
      Array.prototype.forEach.call(holders, function (holder) { holder.remove(); });
    }

    setBusy(busy) {
      this.busy = busy;
      this.typing.hidden = !busy;
      this.sendButton.setAttribute("aria-disabled", busy ? "true" : "false");
      if (busy) {
        this.announce(this.t("The assistant is writing…"));
        this.scrollToEnd();
      }
    }

    /* ---------- talking to the server ---------- */

    send(message, display, options) {
      var lang = options.lang || this.language;
      var hadFocus = this.root.activeElement;
      this.hideError();
      this.removeReplies();
      var userItem = display ? this.appendMessage("user", display, lang) : null;
      if (hadFocus && !hadFocus.isConnected) this.input.focus();
      this.lastRequest = { message: message, lang: lang, userItem: userItem, typed: !!options.typed };
      return this.post(this.lastRequest);
    }

    retry() {
      if (!this.lastRequest || this.busy) return;
      this.hideError();
      this.input.focus();
      this.post(this.lastRequest);
    }

    post(request) {
      var self = this;
      var body = { message: request.message, lang: request.lang };
      if (this.conversationId) body.conversation_id = this.conversationId;
      this.setBusy(true);
      return fetch(BASE + "api/chat", {
        method: "POST",
        credentials: "omit",
        cache: "no-store",
        headers: { "Content-Type": "application/json", Accept: "application/json" },
        body: JSON.stringify(body),
      })
        .then(function (response) {
          return response
            .json()
            .catch(function () { return null; })
            .then(function (data) { return { status: response.status, ok: response.ok, data: data }; });
        })
        .then(function (result) {
          self.setBusy(false);
          if (result.ok && result.data && Array.isArray(result.data.messages)) {
            return self.receive(result.data, request);
          }
          var error = result.data && result.data.error;
          if (result.status >= 500 || !error || typeof error.message !== "string") {
            self.showError("unavailable", null, true);
          } else {
            self.showError("request", error.message, true);
          }
        })
        .catch(function () {
          self.setBusy(false);
          self.showError("unavailable", null, true);
        });
    }

    receive(data, request) {
      var self = this;
      if (typeof data.conversation_id === "string" && data.conversation_id) {
        this.conversationId = data.conversation_id;
        writeStorage(this.conversationId);
      }
      var lang = normalizeLanguage(data.lang) || this.language;
      if (request.userItem && request.typed) request.userItem.setAttribute("lang", lang);
      var ready = lang === this.language ? Promise.resolve() : this.setLanguage(lang);
      return ready.then(function () {
        var spoken = [];
        data.messages.forEach(function (message) {
          if (!message) return;
          if (typeof message.text === "string" && message.text) {
            self.appendMessage("bot", message.text, lang);
            spoken.push(message.text);
          }
          if (Array.isArray(message.buttons) && message.buttons.length) {
            self.appendReplies(message.buttons, lang);
          }
        });
        if (spoken.length) self.announce(spoken.join("\n"));
        else self.announcer.textContent = "";
      });
    }

    showError(kind, serverMessage, announceIt) {
      var t = this.t.bind(this);
      var box = this.errorBox;
      box.textContent = "";
      box.setAttribute("data-kind", kind);
      box.setAttribute("lang", this.language);
      if (serverMessage) box.setAttribute("data-message", serverMessage);
      else box.removeAttribute("data-message");
      var summary;
      if (kind === "unavailable") {
        summary = t("The assistant is not available right now.");
        box.appendChild(el("p", { className: "strong", text: summary }));
        box.appendChild(el("p", { text: t("Please try again in a few minutes, or contact the helpdesk of the federal public service Social Integration:") }));
        var email = el("a", { href: "mailto:" + HELPDESK_EMAIL, text: HELPDESK_EMAIL });
        var phone = el("a", { href: HELPDESK_PHONE_URI, text: HELPDESK_PHONE });
        box.appendChild(
          el("ul", {}, [
            el("li", {}, [t("E-mail:") + " ", email]),
            el("li", {}, [t("Phone:") + " ", phone]),
            el("li", { text: t("Monday to Friday, 8:30-12:30 and 13:30-16:00") }),
          ])
        );
      } else {
        summary = serverMessage;
        box.appendChild(el("p", { text: serverMessage }));
      }
      var retry = el("button", { type: "button", className: "retry", text: t("Try again") });
      retry.addEventListener("click", this.retry.bind(this));
      box.appendChild(retry);
      box.hidden = false;
      if (announceIt) {
        this.announce(kind === "unavailable" ? summary + " " + t("Contact the helpdesk: {email}, {phone}.", { email: HELPDESK_EMAIL, phone: HELPDESK_PHONE }) : summary);
      }
      this.scrollToEnd();
    }

    hideError() {
      this.errorBox.hidden = true;
      this.errorBox.textContent = "";
      this.errorBox.removeAttribute("data-kind");
    }

    clear() {
      var id = this.conversationId;
      this.conversationId = null;
      writeStorage(null);
      this.lastRequest = null;
      this.hideError();
      this.log.textContent = "";
      if (id) {
        fetch(BASE + "api/chat/" + encodeURIComponent(id), { method: "DELETE", credentials: "omit" }).catch(function () {
          /* the server forgets idle conversations anyway (<= 30 min) */
        });
      }
      var done = this.t("The conversation has been cleared.");
      this.appendMessage("info", done, this.language);
      this.greeted = true; // no new greeting: the next message the user sends starts afresh
      this.announce(done);
      this.clearButton.focus();
    }
  }

  window.customElements.define(TAG, AidGuideChat);

  /* With only the <script> tag on the page, add the widget at the end of <body>. */
  function autoInsert() {
    if (document.querySelector(TAG)) return;
    var widget = document.createElement(TAG);
    var lang = normalizeLanguage(SCRIPT_LANG) || normalizeLanguage(document.documentElement.lang);
    if (lang) widget.setAttribute("lang", lang);
    document.body.appendChild(widget);
  }
  if (document.body) autoInsert();
  else document.addEventListener("DOMContentLoaded", autoInsert);
})();
