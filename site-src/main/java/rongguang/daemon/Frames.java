package rongguang.daemon;

import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;

/**
 * What client and daemon say over the socket. The client: {@link #MAGIC}, a request kind, and for a build the
 * working folder, whether its error stream is a terminal, and the arguments. The daemon: frames of standard output
 * and error as they are written ({@link #OUT} or {@link #ERR}, a length, the bytes), then {@link #EXIT} and the exit
 * status.
 */
final class Frames {
    static final int MAGIC = 0x52474431;   // "RGD1"
    static final byte BUILD = 1;
    static final byte STATUS = 2;
    static final byte STOP = 3;

    static final byte EXIT = 0;
    static final byte OUT = 1;
    static final byte ERR = 2;

    private Frames() {
    }

    /** A stream whose every write is one frame of {@code kind}; output and error share {@code data}. */
    static OutputStream stream(DataOutputStream data, byte kind) {
        return new OutputStream() {
            @Override
            public void write(int b) throws IOException {
                write(new byte[] {(byte) b}, 0, 1);
            }

            @Override
            public void write(byte[] b, int off, int len) throws IOException {
                if (len == 0) return;
                synchronized (data) {
                    data.writeByte(kind);
                    data.writeInt(len);
                    data.write(b, off, len);
                }
            }

            @Override
            public void flush() throws IOException {
                synchronized (data) {
                    data.flush();
                }
            }
        };
    }

    static void exit(DataOutputStream data, int status) throws IOException {
        synchronized (data) {
            data.writeByte(EXIT);
            data.writeInt(status);
            data.flush();
        }
    }
}
