/**
 * The store's use case, storing a batch of discovered commits, and the port it writes
 * through.
 */
package dev.commitcollector.store.application;
