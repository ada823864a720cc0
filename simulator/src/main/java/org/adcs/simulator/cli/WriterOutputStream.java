package org.adcs.simulator.cli;

import java.io.OutputStream;
import java.io.PrintWriter;

/** Lets printing code that takes a stream write to picocli's configured writer (ASCII output only). */
final class WriterOutputStream extends OutputStream {
    private final PrintWriter writer;

    WriterOutputStream(PrintWriter writer) {
        this.writer = writer;
    }

    @Override
    public void write(int b) {
        writer.write(b);
    }

    @Override
    public void flush() {
        writer.flush();
    }
}
