/**
 * The store's use cases, storing a batch of discovered commits and keeping each
 * repository's latest mailmap, and the ports they write through.
 */
package dev.commitcollector.store.application;
