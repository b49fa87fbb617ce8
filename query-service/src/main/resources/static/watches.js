'use strict';
// The watches section of the home page: the fetcher's watches, a form to add one, a button to remove one.

const INTERVALS = { PT5M: '5 minutes', PT15M: '15 minutes', PT1H: 'hour', PT6H: '6 hours', P1D: 'day' };

function sayWatch(text, kind) {
  const status = document.getElementById('watch-status');
  status.textContent = text;
  status.className = kind || '';
}

// a watch whose fetches keep failing waits longer before each turn: say so beside the last one
function lastFetchText(watch) {
  const last = watch.lastFetch ? watch.lastFetch.status.toLowerCase() : 'none yet';
  return watch.failedTurns > 0
    ? last + ' (' + watch.failedTurns + (watch.failedTurns === 1 ? ' failed turn' : ' failed turns')
      + ' in a row: waiting longer)'
    : last;
}

// the fetcher lists its watches a page at a time (up to 1,000 each): the first page replaces the
// table, "Show more watches" appends the next one
let watchesNext = null;

async function loadWatches(after) {
  const body = document.querySelector('#watches tbody');
  const { response, json } = await callFetcher('GET', '/api/v1/watches'
    + (after ? '?after=' + encodeURIComponent(after) : ''));
  if (!response.ok) {
    throw new Error(json.detail || ('HTTP ' + response.status));
  }
  const rows = json.watches.map(watch => el('tr', { 'data-watch': watch.id },
    el('td', {}, watch.provider),
    el('td', {}, el('a', { href: repositoryHref(watch.provider, watch.repository) }, watch.repository)),
    el('td', {}, INTERVALS[watch.interval] || watch.interval),
    el('td', {}, el('time', { datetime: watch.nextRunAt }, formatDate(watch.nextRunAt))),
    el('td', {}, lastFetchText(watch)),
    el('td', {}, removeButton(watch))));
  if (after) {
    body.append(...rows);
  } else {
    body.replaceChildren(...rows);
  }
  watchesNext = json.next;
  document.getElementById('watches-more').hidden = !watchesNext;
  const listed = body.children.length;
  document.getElementById('watches-empty').hidden = listed > 0;
  document.getElementById('watches').hidden = listed === 0;
}

async function moreWatches(event) {
  const button = event.target;
  button.disabled = true;
  try {
    await loadWatches(watchesNext);
  } catch (error) {
    sayWatch(error instanceof KeyNeeded ? error.message : 'More watches could not be read: ' + error.message, 'error');
  } finally {
    button.disabled = false;
  }
}

function removeButton(watch) {
  const button = el('button', { type: 'button', class: 'remove-watch' }, 'Remove');
  button.addEventListener('click', () => removeWatch(watch));
  return button;
}

async function removeWatch(watch) {
  try {
    const { response, json } = await callFetcher('DELETE', '/api/v1/watches/' + encodeURIComponent(watch.id));
    if (!response.ok && response.status !== 404) {
      sayWatch('Not removed: ' + (json.detail || ('HTTP ' + response.status)), 'error');
      return;
    }
    await loadWatches();
    sayWatch('No longer watching ' + watch.repository + '.', 'ok');
  } catch (error) {
    sayWatch(error instanceof KeyNeeded ? error.message : 'The fetcher could not be reached: ' + error.message, 'error');
  }
}

async function addWatch(event) {
  event.preventDefault();
  const form = event.target;
  const request = {
    provider: form.provider.value.trim() || 'github',
    repository: form.repository.value.trim(),
    limit: Number(form.limit.value),
    interval: form.interval.value
  };
  try {
    const { response, json } = await callFetcher('POST', '/api/v1/watches', request);
    if (!response.ok) {
      sayWatch('Not watched: ' + (json.detail || ('HTTP ' + response.status)), 'error');
      return;
    }
    // the table first, then the message: whoever reads the message finds the watch listed
    await loadWatches();
    sayWatch('Watching ' + json.repository + ' every ' + (INTERVALS[json.interval] || json.interval) + '.', 'ok');
  } catch (error) {
    sayWatch(error instanceof KeyNeeded ? error.message : 'The fetcher could not be reached: ' + error.message, 'error');
  }
}

/** Called by the home page once it knows where the fetcher is. */
async function initWatches() {
  document.getElementById('watch-form').addEventListener('submit', addWatch);
  document.getElementById('watches-more').addEventListener('click', moreWatches);
  try {
    await loadWatches();
  } catch (error) {
    sayWatch('The watches could not be read: ' + error.message, 'error');
  }
}
