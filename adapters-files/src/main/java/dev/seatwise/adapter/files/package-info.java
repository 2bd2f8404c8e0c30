/**
 * Driven adapters that read usage from files: the seatwise sessions CSV, Autodesk Account exports,
 * FlexLM debug logs and {@code lmutil lmstat -a} output ({@link
 * dev.seatwise.adapter.files.FileUsageAdapter}), and Autodesk subscription and user exports
 * ({@link dev.seatwise.adapter.files.FileEntitlementsAdapter}). Every reader streams, reports rows
 * read, accepted and rejected, and never drops a row silently. Catalogs live in {@code .catalog},
 * identity resolution in {@code .identity}.
 */
package dev.seatwise.adapter.files;
