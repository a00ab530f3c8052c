// The preview page: the draft drawn with pdf.js (served from the installed pdfjs-dist), the pages an
// edit touched first, and the build's errors and warnings beside it. It hears the status at /events.
// It asks for a PDF only once the status says one is there (no 404 while the first build runs), says
// "building…" until then, and hides the panels that have nothing to show.
// The page's styles and script are constants of their own: the page function only puts them in place.
const styles = `
  body { margin: 0; font: 15px/1.4 system-ui, sans-serif; color: #1c1b22; background: #e9e7ee; }
  header { position: sticky; top: 0; z-index: 1; padding: 8px 16px; background: #2e1650; color: #fff; display: flex; gap: 16px; align-items: baseline; }
  header strong { font-size: 16px; }
  #state.ok { color: #b9f3dd; } #state.failed { color: #ffd0d8; } #state.building { color: #ffe9a8; }
  main { display: grid; grid-template-columns: minmax(0, 1fr) 340px; gap: 16px; padding: 16px; }
  #pages canvas, #first canvas { display: block; margin: 0 auto 12px; background: #fff; box-shadow: 0 1px 4px rgba(0,0,0,.25); max-width: 100%; height: auto; }
  #first { border: 3px solid #b0186a; padding: 8px; margin-bottom: 16px; background: #fff5fa; }
  #first:empty, #first[hidden], [hidden] { display: none; }
  #pages p.waiting { padding: 48px 16px; text-align: center; color: #55506a; }
  #first h2, aside h2 { font-size: 14px; margin: 0 0 8px; }
  aside { font-size: 13px; position: sticky; top: 52px; align-self: start; max-height: calc(100vh - 70px); overflow: auto; }
  aside.failed #errors-box { border: 2px solid #8a0f2e; background: #fff0f3; padding: 8px; }
  aside ul { padding-left: 18px; margin: 0 0 16px; }
  #errors li { color: #8a0f2e; font-weight: 600; }
  code { font-size: 12px; }
`;

const script = `
  import * as pdfjs from "/pdf.mjs";
  pdfjs.GlobalWorkerOptions.workerSrc = "/pdf.worker.mjs";
  let version = -1, sectionsVersion = -1;
  const $ = (id) => document.getElementById(id);
  // pdf.js's workers, started once and kept: a worker of its own for each PDF took about 0.15 s to
  // start on every save (on a busy machine). The first look has its own, so it never waits behind a whole draft being read.
  const workers = { "first-pages": new pdfjs.PDFWorker(), pages: new pdfjs.PDFWorker() };
  // The document each box shows, let go (its memory in the worker freed) when the box shows another.
  const shownDocs = {};
  async function drawPage(doc, n) {
    const page = await doc.getPage(n);
    const viewport = page.getViewport({ scale: 1.25 });
    const canvas = document.createElement("canvas");
    canvas.width = viewport.width; canvas.height = viewport.height; canvas.dataset.page = String(n);
    await page.render({ canvasContext: canvas.getContext("2d"), viewport }).promise;
    return canvas;
  }
  // Draws a PDF's pages into a box. A whole draft gives way (false) when a newer status comes in while it
  // is drawn: its 70 pages take a second or more, and the first look at the next save should not wait.
  // A first look's few pages are drawn all at once: pdf.js reads the next in its worker while this
  // thread paints one (two pages: 38 ms against 53 at best).
  async function draw(url, into, giveWay = false) {
    const doc = await pdfjs.getDocument({ url, worker: workers[into.id] }).promise;
    const numbers = Array.from({ length: doc.numPages }, (_, i) => i + 1);
    const canvases = giveWay ? [] : await Promise.all(numbers.map((n) => drawPage(doc, n)));
    for (const n of giveWay ? numbers : []) {
      if (latest) {
        void doc.destroy();
        return false;
      }
      canvases.push(await drawPage(doc, n));
    }
    into.replaceChildren(...canvases);
    void shownDocs[into.id]?.destroy();
    shownDocs[into.id] = doc;
    return true;
  }
  function list(id, lines) {
    $(id + "-box").hidden = lines.length === 0;
    $(id).replaceChildren(...lines.map((line) => { const li = document.createElement("li"); li.append(Object.assign(document.createElement("code"), { textContent: line })); return li; }));
  }
  async function show(status) {
    $("state").textContent = status.building ? (status.version === 0 ? "building…" : "rebuilding…") : status.lastOk === false ? (status.version === 0 ? "the draft has errors" : "last save has errors; showing the last good draft") : status.lastOk ? "up to date" : "building…";
    $("state").className = status.building ? "building" : status.lastOk === false ? "failed" : "ok";
    $("timing").textContent = status.lastBuildMs === null ? "" : "draft " + status.lastBuildMs + " ms" + (status.firstLookMs === null ? "" : ", first look " + status.firstLookMs + " ms");
    list("errors", status.errors);
    document.querySelector("aside").className = status.errors.length > 0 ? "failed" : "";
    list("warnings", status.warnings);
    // Version 0 means there is no such PDF yet: nothing is asked for, and the box stays hidden.
    if (status.sectionsVersion > 0 && status.sectionsVersion !== sectionsVersion) {
      sectionsVersion = status.sectionsVersion;
      await draw("/first-look.pdf?v=" + sectionsVersion, $("first-pages"));
      // What is on screen, for anyone measuring save → screen (bench/preview.ts).
      $("first-pages").dataset.version = String(sectionsVersion);
    }
    $("first").hidden = sectionsVersion <= 0 || status.changedSections.length === 0 || $("first-pages").childElementCount === 0;
    if (status.version > 0 && status.version !== version) {
      version = status.version;
      // Put aside for a newer status: drawn again when that one has been shown.
      if (!(await draw("/draft.pdf?v=" + version, $("pages"), true))) {
        version = -1;
        return;
      }
      $("pages").dataset.version = String(version);
      const first = status.changedSections[0];
      const page = first && status.pages[first];
      if (page) document.querySelector('#pages canvas[data-page="' + page + '"]')?.scrollIntoView({ block: "start" });
    }
  }
  // The server sends the status each time it changes (server-sent events): no polling delay between a
  // save and its pages. Statuses that arrive while pages are drawn are taken in order, the newest last.
  let latest = null, busy = false;
  async function update() {
    if (busy) return;
    busy = true;
    while (latest) {
      const status = latest;
      latest = null;
      try {
        await show(status);
      } catch (error) {
        // A PDF that could not be drawn (replaced while it loaded): the pages on screen stay; try again.
        version = -1;
        sectionsVersion = -1;
        setTimeout(() => { latest = latest ?? status; update(); }, 500);
      }
    }
    busy = false;
  }
  const events = new EventSource("/events");
  events.onmessage = (event) => { latest = JSON.parse(event.data); update(); };
  // EventSource reconnects by itself; until then the page says so.
  events.onerror = () => { $("state").textContent = "the preview server is not answering"; $("state").className = "failed"; };
`;

export function previewPage(year: number): string {
  return `<!doctype html>
<html lang="en-GB">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>Preview: ${year} report</title>
<style>
${styles}</style>
</head>
<body>
<header><strong>Preview of the ${year} report</strong><span id="state">starting…</span><span id="timing"></span></header>
<main>
  <div>
    <section id="first" hidden><h2>Changed just now</h2><div id="first-pages"></div></section>
    <div id="pages"><p class="waiting">Building the draft…</p></div>
  </div>
  <aside>
    <div id="errors-box" hidden><h2>Errors</h2><ul id="errors"></ul></div>
    <div id="warnings-box" hidden><h2>Warnings</h2><ul id="warnings"></ul></div>
  </aside>
</main>
<script type="module">
${script}</script>
</body>
</html>
`;
}
