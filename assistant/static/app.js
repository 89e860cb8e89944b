// The page of `assistant serve`: streams an answer, shows the paper behind every citation with the
// supporting abstract sentence highlighted, and copies the answer as Markdown, LaTeX or BibTeX.
// No framework and nothing from outside: everything comes from the local server.
"use strict";

const $ = (id) => document.getElementById(id);
const TITLES = { ask: "Answer", compare: "Comparison", "related-work": "Related work" };
const PLACEHOLDERS = {
  ask: "Ask a question about the collection",
  compare: "A topic whose papers to compare",
  "related-work": "The topic of a related-work section",
};
const papers = new Map(); // paper id -> paper data, fetched once
let current = null; // the finished answer
let source = null;

function el(tag, className, text) {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

function setStatus(message) {
  $("status").textContent = message;
}

$("task").addEventListener("change", () => {
  const task = $("task").value;
  $("papers").hidden = task !== "compare";
  $("q").placeholder = PLACEHOLDERS[task];
});

$("query").addEventListener("submit", (event) => {
  event.preventDefault();
  start();
});

function start() {
  if (source) source.close();
  const task = $("task").value;
  const params = new URLSearchParams({ task, q: $("q").value, papers: $("papers").value });
  current = null;
  $("answer").replaceChildren();
  $("paper").hidden = true;
  $("copy").hidden = true;
  document.body.dataset.state = "streaming";
  const heading = el("h2", "", `${TITLES[task]}: ${$("q").value || $("papers").value}`);
  const draft = el("p", "draft");
  const verified = el("p", "streamed");
  $("answer").append(heading, draft, verified);
  source = new EventSource(`/api/answer?${params}`);
  source.addEventListener("status", (event) => setStatus(JSON.parse(event.data).message));
  source.addEventListener("draft", (event) => {
    setStatus("the model is writing; the verified answer follows");
    draft.textContent += JSON.parse(event.data).text;
  });
  source.addEventListener("sentence", (event) => {
    const sentence = JSON.parse(event.data);
    setStatus("verified sentences arriving");
    draft.remove();
    verified.append(renderSentence(sentence, sentence.index, {}), " ");
  });
  source.addEventListener("answer", (event) => {
    source.close();
    current = JSON.parse(event.data);
    renderAnswer(current);
    setStatus(current.abstained ? "the collection does not answer this" : "done");
    document.body.dataset.state = "done";
  });
  source.addEventListener("failure", (event) => {
    source.close();
    setStatus(`error: ${JSON.parse(event.data).error}`);
    document.body.dataset.state = "failed";
  });
  source.onerror = () => {
    if (document.body.dataset.state === "streaming") {
      source.close();
      setStatus("the connection to the local server was lost");
      document.body.dataset.state = "failed";
    }
  };
}

function renderSentence(sentence, index, labels) {
  const span = el("span", sentence.supported ? "sentence" : "sentence unsupported");
  span.id = `s-${index}`;
  span.append(sentence.text);
  const support = new Map((sentence.support || []).map((item) => [item.paper_id, item]));
  sentence.citations.forEach((paperId) => {
    const link = el("a", "cite", `[${labels[paperId] || paperId}]`);
    link.href = `#s-${index}`;
    link.dataset.paper = paperId;
    link.dataset.sentence = String(index);
    const item = support.get(paperId);
    if (item) link.dataset.supportIndex = String(item.sentence_index);
    link.title = item ? `supported by: ${item.sentence}` : paperId;
    link.addEventListener("click", (event) => {
      event.preventDefault();
      showPaper(paperId, item ? item.sentence_index : null, link);
    });
    span.append(" ", link);
  });
  if (!sentence.supported) span.append(el("em", "", " (unsupported)"));
  return span;
}

function renderAnswer(data) {
  const root = $("answer");
  root.replaceChildren(el("h2", "", `${TITLES[data.task]}: ${data.question}`));
  if (data.abstained) {
    root.append(el("p", "", data.answer));
    if (data.evidence.length) {
      root.append(el("h3", "", "Nearest papers (none answers this)"));
      const list = el("ul");
      data.evidence.forEach((item) => list.append(paperItem(item.id, item.title)));
      root.append(list);
    }
  } else {
    data.paragraphs.forEach((indices, number) => {
      if (data.headings[number]) root.append(el("h3", "", data.headings[number]));
      const paragraph = el("p");
      indices.forEach((index) => {
        paragraph.append(renderSentence(data.sentences[index], index, data.labels), " ");
      });
      root.append(paragraph);
    });
    if (data.table && data.table.rows.length) {
      root.append(renderTable(data));
      // (what the table cannot show: figures measuring different things, questions asked of
      // each that no abstract sentence was matched to)
      if (data.table.note) root.append(el("p", "table-note", data.table.note));
    }
    if (data.references.length) {
      root.append(el("h3", "", "References"));
      const list = el("ul");
      data.references.forEach((paper) => list.append(paperItem(paper.id, paper.title, data.labels[paper.id])));
      root.append(list);
    }
    root.append(el("p", "summary", data.verification));
  }
  data.warnings.forEach((warning) => root.append(el("p", "warning", `warning: ${warning}`)));
  $("copy").hidden = data.abstained;
}

function paperItem(paperId, title, label) {
  const item = el("li");
  const link = el("a", "paper-link", label && !title.startsWith(label) ? `${label}: ${title}` : title);
  link.href = "#";
  link.dataset.paper = paperId;
  link.addEventListener("click", (event) => {
    event.preventDefault();
    showPaper(paperId, null, link);
  });
  item.append(link, " ", el("code", "", paperId));
  return item;
}

function renderTable(data) {
  const table = el("table");
  const head = el("tr");
  head.append(el("th", "", "Paper"));
  data.table.aspects.forEach((aspect) => head.append(el("th", "", aspect)));
  table.append(head);
  data.table.rows.forEach((row, rowNumber) => {
    const line = el("tr");
    const name = el("td");
    const link = el("a", "paper-link", data.labels[row.id] || row.title);
    link.href = "#";
    link.addEventListener("click", (event) => {
      event.preventDefault();
      showPaper(row.id, null, link);
    });
    name.append(link);
    line.append(name);
    row.cells.forEach((cell, column) => {
      const box = el("td");
      if (cell.sentence_index === null) {
        box.textContent = cell.text;
        // what no rule matched, said as such (EMPTY_CELL_MEANS in assistant/models.py)
        if (cell.text === "\u2014") box.title = "no sentence of the abstract was matched to this column";
      } else {
        // each cell is drawn from one abstract sentence: the link shows it in the paper
        const cellLink = el("a", "cell-link", cell.text);
        cellLink.href = "#";
        cellLink.id = `cell-${rowNumber}-${column}`;
        cellLink.dataset.paper = row.id;
        cellLink.dataset.supportIndex = String(cell.sentence_index);
        cellLink.title = cell.source_sentence || "";
        cellLink.addEventListener("click", (event) => {
          event.preventDefault();
          showPaper(row.id, cell.sentence_index, cellLink);
        });
        box.append(cellLink);
      }
      line.append(box);
    });
    table.append(line);
  });
  return table;
}

async function fetchPaper(paperId) {
  if (!papers.has(paperId)) {
    const response = await fetch(`/api/paper?id=${encodeURIComponent(paperId)}`);
    const data = await response.json();
    if (!response.ok) throw new Error(data.error || response.statusText);
    papers.set(paperId, data);
  }
  return papers.get(paperId);
}

async function showPaper(paperId, sentenceIndex, origin) {
  document.querySelectorAll("a.active, .sentence.focused").forEach((node) => node.classList.remove("active", "focused"));
  origin.classList.add("active");
  const sentence = origin.closest(".sentence");
  if (sentence) sentence.classList.add("focused");
  const panel = $("paper");
  let paper;
  try {
    paper = await fetchPaper(paperId);
  } catch (error) {
    setStatus(`error: ${error.message}`);
    return;
  }
  const meta = [paper.authors.join(", "), paper.year, paper.venue, paper.doi ? `doi:${paper.doi}` : null]
    .filter(Boolean)
    .join(" · ");
  const abstract = el("p", "abstract");
  paper.abstract_sentences.forEach((text, index) => {
    const part = el("span", index === sentenceIndex ? "abs-sentence support" : "abs-sentence", text);
    part.dataset.index = String(index);
    abstract.append(part, " ");
  });
  panel.replaceChildren(
    el("h3", "", paper.title),
    el("p", "meta", meta || "no authors or venue recorded"),
    el("p", "meta", `id ${paper.id} · cite key ${paper.citation_key}`),
    abstract,
  );
  panel.dataset.paper = paperId;
  panel.hidden = false;
  const highlighted = panel.querySelector(".support");
  (highlighted || panel).scrollIntoView({ block: "nearest" });
}

$("copy").addEventListener("click", async (event) => {
  const format = event.target.dataset && event.target.dataset.format;
  if (!format || !current) return;
  const text = current.copy[format];
  try {
    await navigator.clipboard.writeText(text);
  } catch (error) {
    // clipboard API refused (no permission): fall back to a selected textarea
    const area = el("textarea");
    area.value = text;
    document.body.append(area);
    area.select();
    document.execCommand("copy");
    area.remove();
  }
  $("copied").textContent = `copied as ${format}`;
});
