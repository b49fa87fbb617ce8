/**
 * The read model's vocabulary: a stored repository, its authors and their commits. Plain
 * Java.
 */
package dev.commitcollector.query.domain;
