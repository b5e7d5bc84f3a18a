package org.takeitdown.hasher.cli;

import java.io.BufferedInputStream;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.takeitdown.hasher.pdq.PdqHasher;
import org.takeitdown.hasher.video.FrameConverter;
import org.takeitdown.hasher.vpdq.VpdqBuilder;

/**
 * Decodes with the {@code ffmpeg} program. Its {@code select} filter keeps, for each whole second
 * k, the first frame at or after k seconds (the same rule as {@code SecondSampler}), and only those
 * frames are piped out as raw planes ({@code -f rawvideo}) in the decoder's own pixel format when
 * {@link FrameConverter} reads it, so that the one YUV to RGB conversion, the reference's, happens in
 * Java as in the browser. Two {@code showinfo} filters, before and after the selection, log every
 * frame's index and presentation time (and the second one the piped frame's format and size) so each
 * piped frame gets its frame number in the whole video. Frames are not turned by the video's display
 * matrix, as in Meta's reference (and the browser's WebCodecs path).
 */
final class FfmpegFrames implements VideoFrameSource {
    /**
     * The formats ffmpeg may pipe. A decoder's format in this list passes untouched (the same samples
     * WebCodecs hands the browser). Any other format is converted by ffmpeg's format negotiation to
     * the listed one that loses least, chosen by ffmpeg, which knows how to read the exotic layouts; seen
     * with ffmpeg 5.1: yuv420p12le and p010le to yuv420p10le, yuv444p12le to yuv444p10le, yuv410p to
     * yuv420p, rgb24 to rgb0, gray to yuvj444p. The yuvj formats are H.264's and MJPEG's full range,
     * the only full range Meta's reference honours (libswscale's handle_jpeg).
     */
    private static final String FORMATS = "yuv420p|yuvj420p|yuva420p|yuv422p|yuvj422p|yuv444p|yuvj444p|nv12"
            + "|yuv420p10le|yuv422p10le|yuv444p10le|rgba|bgra|rgb0|bgr0";
    /** Register 0 holds the next whole second; a frame at or past it is kept and moves it on. */
    private static final String FILTER = "showinfo,"
            + "select='if(gte(t\\,ld(0)-0.000001)\\,st(0\\,floor(t+0.000001)+1)*0+1\\,0)',"
            + "format=pix_fmts=" + FORMATS + ",showinfo";
    private static final Pattern LAYOUT = Pattern.compile(" fmt:(\\S+) .*? s:(\\d+)x(\\d+) ");
    private static final Pattern INFO = Pattern.compile(
            "\\[Parsed_showinfo_(\\d+) @[^]]*] n: *(\\d+) pts: *(-?\\d+) pts_time:(\\S+)");

    @Override
    public String name() {
        return "ffmpeg";
    }

    /** Whether an {@code ffmpeg} program answers on the PATH. */
    static boolean available() {
        return Programs.answers("ffmpeg", "-hide_banner", "-version");
    }

    @Override
    public void decode(Path file, VpdqBuilder builder) throws IOException, VideoDecodeException {
        int[][] words = new int[1][];
        selectedFrames(file, (frameNumber, seconds, frame) -> {
            words[0] = frame.toRgbaWords(words[0]);
            builder.add(frameNumber, PdqHasher.hashRgbaWords(words[0], frame.width, frame.height), seconds);
        });
    }

    /** Receives each selected frame's number, time and raw planes. */
    interface FrameSink {
        void accept(int frameNumber, double seconds, RawFrame frame);
    }

    /** Decodes and hands over the frames the one-a-second rule selects, in presentation order. */
    void selectedFrames(Path file, FrameSink sink) throws IOException, VideoDecodeException {
        List<String> command = List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
                "-noautorotate", "-i", file.toString(), "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", FILTER,
                "-fps_mode", "passthrough", "-f", "rawvideo", "-");
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        FrameLog log = new FrameLog(process.getErrorStream());
        Thread reader = new Thread(log, "ffmpeg-log");
        reader.setDaemon(true);
        reader.start();
        try (InputStream out = new BufferedInputStream(process.getInputStream(), 1 << 20)) {
            while (true) {
                out.mark(1);
                if (out.read() < 0) {
                    break;
                }
                out.reset();
                FrameLog.Selected s = log.nextSelected();
                if (s == null || s.pixFmt.isEmpty()) {
                    throw new VideoDecodeException("ffmpeg sent a frame it did not log with its format");
                }
                sink.accept(s.frameNumber, s.seconds, RawFrame.read(out, s.pixFmt, s.width, s.height));
            }
            process.waitFor();
            reader.join(TimeUnit.SECONDS.toMillis(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while decoding", e);
        } finally {
            process.destroy();
        }
        if (process.exitValue() != 0) {
            throw new VideoDecodeException("ffmpeg could not decode the video: " + log.lastError());
        }
    }

    /** Reads ffmpeg's log: every frame's index by presentation timestamp, then the selected ones. */
    private static final class FrameLog implements Runnable {
        private final InputStream stderr;
        private final Map<Long, Integer> numberByPts = new HashMap<>();
        private final ArrayDeque<Selected> selected = new ArrayDeque<>();
        private String lastLine = "";
        private boolean done;

        FrameLog(InputStream stderr) {
            this.stderr = stderr;
        }

        static final class Selected {
            final int frameNumber;
            final double seconds;
            final String pixFmt;
            final int width;
            final int height;

            Selected(int frameNumber, double seconds, String pixFmt, int width, int height) {
                this.frameNumber = frameNumber;
                this.seconds = seconds;
                this.pixFmt = pixFmt;
                this.width = width;
                this.height = height;
            }
        }

        @Override
        public void run() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = INFO.matcher(line);
                    if (m.find()) {
                        record(m, line);
                    } else if (!line.isBlank()) {
                        synchronized (this) {
                            lastLine = line.trim();
                        }
                    }
                }
            } catch (IOException e) {
                synchronized (this) {
                    lastLine = e.getMessage();
                }
            } finally {
                synchronized (this) {
                    done = true;
                    notifyAll();
                }
            }
        }

        private synchronized void record(Matcher m, String line) {
            long pts = Long.parseLong(m.group(3));
            if ("0".equals(m.group(1))) {
                numberByPts.put(pts, Integer.parseInt(m.group(2)));
                return;
            }
            Integer number = numberByPts.remove(pts);
            Matcher layout = LAYOUT.matcher(line);
            selected.add(layout.find()
                    ? new Selected(number == null ? Integer.parseInt(m.group(2)) : number,
                            Double.parseDouble(m.group(4)), layout.group(1), Integer.parseInt(layout.group(2)),
                            Integer.parseInt(layout.group(3)))
                    : new Selected(-1, 0, "", 0, 0));
            pruneBefore(pts);
            notifyAll();
        }

        /** Frames before a selected one can no longer be selected; forget them to bound memory. */
        private void pruneBefore(long pts) {
            if (numberByPts.size() > 256) {
                List<Long> old = new ArrayList<>();
                for (Long p : numberByPts.keySet()) {
                    if (p < pts) {
                        old.add(p);
                    }
                }
                old.forEach(numberByPts::remove);
            }
        }

        synchronized Selected nextSelected() throws InterruptedException {
            while (selected.isEmpty() && !done) {
                wait();
            }
            return selected.poll();
        }

        synchronized String lastError() {
            return lastLine;
        }
    }
}
