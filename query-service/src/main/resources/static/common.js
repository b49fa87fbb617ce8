'use strict';
// Shared by the pages. Everything that comes from a forge (names, emails, messages) is untrusted:
// it only ever reaches the page as text (textContent), never as HTML.

/** Creates an element with attributes and children; strings become text nodes. */
function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (value !== null && value !== undefined) {
      node.setAttribute(name, value);
    }
  }
  for (const child of children) {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    }
  }
  return node;
}

/** GETs JSON; a problem detail becomes an Error carrying its detail. */
async function getJson(url) {
  const response = await fetch(url, { headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    throw new Error(body.detail || body.title || ('HTTP ' + response.status));
  }
  return body;
}

function formatDate(iso) {
  return iso ? new Date(iso).toISOString().replace('T', ' ').replace(/\.\d+Z$|Z$/, ' UTC') : '';
}

function repositoryHref(provider, repository) {
  return '/repository.html?' + new URLSearchParams({ provider, repository }).toString();
}
