/**
 * The forge adapters, one package per forge type, and the configuration that makes one
 * adapter per configured provider ({@link ForgeSettings}).
 */
package dev.commitcollector.fetcher.forge;
