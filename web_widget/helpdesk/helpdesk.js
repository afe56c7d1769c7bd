// The helpdesk page: read an e-mail, show the reading, the draft and the checks; copy the draft.
// Same origin only, nothing stored (no cookie, no localStorage); text is set with textContent.
(function () {
  "use strict";
  const main = document.getElementById("main");
  const api = main.dataset.api + "?lang=" + encodeURIComponent(main.dataset.lang);
  const $ = (id) => document.getElementById(id);
  const status = $("status");
  const error = $("error");
  const topicSelects = Array.from(document.querySelectorAll("select.topic"));
  let lastEmail = "";
  let lastLang = null;

  function say(text) { status.textContent = text; }
  function fail(text) { error.textContent = text; say(""); }

  async function ask(body) {
    error.textContent = "";
    say(main.dataset.working);
    let response;
    try {
      response = await fetch(api, {
        method: "POST",
        headers: { "content-type": "application/json", "accept-language": main.dataset.lang },
        body: JSON.stringify(body),
        credentials: "omit",
        cache: "no-store",
      });
    } catch (e) {
      fail(main.dataset.failed);
      return;
    }
    let data = null;
    try { data = await response.json(); } catch (e) { data = null; }
    if (!response.ok) {
      fail(data && data.error ? data.error.message : main.dataset.failed);
      return;
    }
    show(data);
    say(main.dataset.done);
  }

  function show(data) {
    lastLang = data.lang;
    $("writer-lang").textContent = data.lang;
    $("off-topic").hidden = !data.off_topic;
    topicSelects.forEach((select, index) => {
      const topic = data.topics[index];
      select.value = topic ? topic.aid : "";
    });
    const place = data.place;
    $("place").value = place ? (place.nis || place.text) : "";
    $("centre").textContent = place && place.centre
      ? place.centre.name + (place.centre.phone ? " – " + place.centre.phone : "")
      : (place ? place.candidates.map((c) => c.name).join(" / ") : main.dataset.noPlace);
    $("draft-subject").value = data.draft.subject;
    $("draft-body").value = data.draft.body;
    $("draft-body").lang = data.draft.lang;
    $("draft-subject").lang = data.draft.lang;
    const list = $("checks");
    list.replaceChildren(...data.checks.map((check) => {
      const item = document.createElement("li");
      item.textContent = check;
      return item;
    }));
    $("masked").textContent = data.masked_email;
    $("result").hidden = false;
  }

  $("read-form").addEventListener("submit", (event) => {
    event.preventDefault();
    lastEmail = $("email").value;
    ask({ email: lastEmail, lang: null });
  });

  $("file").addEventListener("change", () => {
    const file = $("file").files[0];
    if (!file) return;
    const reader = new FileReader();
    reader.onload = () => {
      $("email").value = String(reader.result);
      $("read-form").requestSubmit();
    };
    reader.onerror = () => fail(main.dataset.failed);
    reader.readAsText(file);
  });

  // Drop an .eml or .txt file on the text box.
  $("email").addEventListener("dragover", (event) => event.preventDefault());
  $("email").addEventListener("drop", (event) => {
    const file = event.dataTransfer && event.dataTransfer.files[0];
    if (!file) return;
    event.preventDefault();
    file.text().then((text) => {
      $("email").value = text;
      $("read-form").requestSubmit();
    }, () => fail(main.dataset.failed));
  });

  $("fix-form").addEventListener("submit", (event) => {
    event.preventDefault();
    const topics = topicSelects.map((s) => s.value).filter((v, i, all) => v && all.indexOf(v) === i);
    const place = $("place").value.trim();
    ask({ email: lastEmail, lang: lastLang, topics: topics.length ? topics : null, place: place || null });
  });

  $("copy").addEventListener("click", async () => {
    const text = $("draft-subject").value + "\n\n" + $("draft-body").value;
    try {
      await navigator.clipboard.writeText(text);
      say(main.dataset.copied);
    } catch (e) {
      $("draft-body").select();
      say(main.dataset.copyFailed);
    }
  });
})();
