/**
 * The store's domain: commits to keep and the rule that says who their author is. Plain
 * Java.
 */
package dev.commitcollector.store.domain;
