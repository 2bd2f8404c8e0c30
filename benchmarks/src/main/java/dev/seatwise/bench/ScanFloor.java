package dev.seatwise.bench;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Path;

/**
 * The floor under any JVM process that answers from a CSV file: a fresh JVM that reads every byte
 * of the file once and counts its line feeds and commas, nothing else (no field, no date, no
 * dictionary, no replay). {@code bench/run} times it as a process, start to exit, beside the CLI's
 * compare and DuckDB's query, so that the ratio goal's distance from what a JVM process can reach
 * at all is a measured figure. Prints the counts, so that the loop is not optimised away.
 */
public final class ScanFloor {
  private ScanFloor() {}

  public static void main(String[] args) throws IOException {
    long lines = 0;
    long commas = 0;
    try (FileChannel ch = FileChannel.open(Path.of(args[0]))) {
      ByteBuffer b = ByteBuffer.allocateDirect(1 << 20);
      while (ch.read(b) > 0) {
        b.flip();
        while (b.hasRemaining()) {
          byte x = b.get();
          if (x == '\n') {
            lines++;
          } else if (x == ',') {
            commas++;
          }
        }
        b.clear();
      }
    }
    System.out.println("lines: " + lines + " commas: " + commas);
  }
}
