package org.trilateral.client.cli;

import java.io.BufferedOutputStream;
import java.io.FileOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintWriter;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import org.trilateral.client.ObjectPage;

/**
 * Where {@code exchange poll} writes its JSON lines: a file it appends to, or the command's standard output. Pages are
 * written as the exchange sent each object. {@link #commit()} makes what was written durable before the poll's cursor
 * moves past it: flushed, and for a file forced to disk, so a crash never leaves a cursor after objects that were not
 * written out.
 */
final class JsonLinesOutput implements AutoCloseable {

    /** Bytes buffered before a write to the file. */
    static final int BUFFER_BYTES = 1 << 20;

    private final OutputStream bytes;
    private final FileChannel channel;
    private final PrintWriter text;

    private JsonLinesOutput(OutputStream bytes, FileChannel channel, PrintWriter text) {
        this.bytes = bytes;
        this.channel = channel;
        this.text = text;
    }

    /** Appends to {@code file}, creating it. */
    static JsonLinesOutput appendingTo(Path file) throws IOException {
        FileOutputStream stream = new FileOutputStream(file.toFile(), true);
        return new JsonLinesOutput(new BufferedOutputStream(stream, BUFFER_BYTES), stream.getChannel(), null);
    }

    /** Writes to the command's output (standard output, or what a test set). */
    static JsonLinesOutput to(PrintWriter out) {
        return new JsonLinesOutput(null, null, out);
    }

    void write(ObjectPage page) throws IOException {
        if (bytes != null) {
            page.writeJsonLines(bytes);
            return;
        }
        for (byte[] object : page.objects()) {
            text.write(new String(object, StandardCharsets.UTF_8));
            text.write('\n');
        }
    }

    /** Flushes what was written; a file is also forced to its storage device. */
    void commit() throws IOException {
        if (bytes != null) {
            bytes.flush();
            channel.force(false);
        } else {
            text.flush();
        }
    }

    @Override
    public void close() throws IOException {
        if (bytes != null) {
            bytes.close();
        } else {
            text.flush();
        }
    }
}
