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
import org.takeitdown.hasher.vpdq.VpdqBuilder;

/**
 * Decodes with the {@code ffmpeg} program. Its {@code select} filter keeps, for each whole second
 * k, the first frame at or after k seconds (the same rule as {@code SecondSampler}), and only those
 * frames are converted to RGB and piped out as PPM. Two {@code showinfo} filters, before and after
 * the selection, log every frame's index and presentation time so each piped frame gets its frame
 * number in the whole video. Frames are not turned by the video's display matrix, as in Meta's
 * reference (and the browser's WebCodecs path).
 */
final class FfmpegFrames implements VideoFrameSource {
    /** Register 0 holds the next whole second; a frame at or past it is kept and moves it on. */
    private static final String FILTER = "showinfo,"
            + "select='if(gte(t\\,ld(0)-0.000001)\\,st(0\\,floor(t+0.000001)+1)*0+1\\,0)',"
            + "showinfo";
    private static final Pattern INFO = Pattern.compile(
            "\\[Parsed_showinfo_(\\d+) @[^]]*] n: *(\\d+) pts: *(-?\\d+) pts_time:(\\S+)");

    @Override
    public String name() {
        return "ffmpeg";
    }

    /** Whether an {@code ffmpeg} program answers on the PATH. */
    static boolean available() {
        try {
            Process p = new ProcessBuilder("ffmpeg", "-hide_banner", "-version")
                    .redirectErrorStream(true).redirectOutput(ProcessBuilder.Redirect.DISCARD).start();
            return p.waitFor(20, TimeUnit.SECONDS) && p.exitValue() == 0;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    @Override
    public void decode(Path file, VpdqBuilder builder) throws IOException, VideoDecodeException {
        selectedFrames(file, (frameNumber, seconds, rgb, width, height) ->
                builder.add(frameNumber, PdqHasher.hash(rgb, width, height, 3), seconds));
    }

    /** Receives each selected frame's number, time and RGB pixels. */
    interface FrameSink {
        void accept(int frameNumber, double seconds, byte[] rgb, int width, int height);
    }

    /** Decodes and hands over the frames the one-a-second rule selects, in presentation order. */
    void selectedFrames(Path file, FrameSink sink) throws IOException, VideoDecodeException {
        List<String> command = List.of("ffmpeg", "-hide_banner", "-nostdin", "-nostats", "-loglevel", "info",
                "-noautorotate", "-i", file.toString(), "-map", "0:v:0", "-an", "-sn", "-dn", "-vf", FILTER,
                "-fps_mode", "passthrough", "-f", "image2pipe", "-c:v", "ppm", "-");
        Process process = new ProcessBuilder(command).start();
        process.getOutputStream().close();
        FrameLog log = new FrameLog(process.getErrorStream());
        Thread reader = new Thread(log, "ffmpeg-log");
        reader.setDaemon(true);
        reader.start();
        try (InputStream out = new BufferedInputStream(process.getInputStream(), 1 << 20)) {
            Ppm frame;
            while ((frame = Ppm.read(out)) != null) {
                FrameLog.Selected s = log.nextSelected();
                if (s == null) {
                    throw new VideoDecodeException("ffmpeg sent a frame it did not log");
                }
                sink.accept(s.frameNumber, s.seconds, frame.rgb, frame.width, frame.height);
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

            Selected(int frameNumber, double seconds) {
                this.frameNumber = frameNumber;
                this.seconds = seconds;
            }
        }

        @Override
        public void run() {
            try (BufferedReader r = new BufferedReader(new InputStreamReader(stderr, StandardCharsets.UTF_8))) {
                String line;
                while ((line = r.readLine()) != null) {
                    Matcher m = INFO.matcher(line);
                    if (m.find()) {
                        record(m);
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

        private synchronized void record(Matcher m) {
            long pts = Long.parseLong(m.group(3));
            if ("0".equals(m.group(1))) {
                numberByPts.put(pts, Integer.parseInt(m.group(2)));
                return;
            }
            Integer number = numberByPts.remove(pts);
            selected.add(new Selected(number == null ? Integer.parseInt(m.group(2)) : number,
                    Double.parseDouble(m.group(4))));
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

    /** One binary PPM (P6, maxval 255) image as ffmpeg's ppm encoder writes it. */
    private static final class Ppm {
        final byte[] rgb;
        final int width;
        final int height;

        private Ppm(byte[] rgb, int width, int height) {
            this.rgb = rgb;
            this.width = width;
            this.height = height;
        }

        /** The next image, or null at the end of the stream. */
        static Ppm read(InputStream in) throws IOException, VideoDecodeException {
            int first = in.read();
            if (first < 0) {
                return null;
            }
            if (first != 'P' || in.read() != '6') {
                throw new VideoDecodeException("ffmpeg sent something other than a PPM frame");
            }
            int width = headerNumber(in);
            int height = headerNumber(in);
            int max = headerNumber(in);
            if (max != 255 || width < 1 || height < 1 || (long) width * height > 64L * 1024 * 1024) {
                throw new VideoDecodeException("unexpected frame format " + width + "x" + height + " max " + max);
            }
            byte[] rgb = in.readNBytes(width * height * 3);
            if (rgb.length != width * height * 3) {
                throw new VideoDecodeException("ffmpeg stopped in the middle of a frame");
            }
            return new Ppm(rgb, width, height);
        }

        /** A decimal number after whitespace; the single whitespace byte after it is consumed. */
        private static int headerNumber(InputStream in) throws IOException, VideoDecodeException {
            int c = in.read();
            while (c == ' ' || c == '\n' || c == '\r' || c == '\t') {
                c = in.read();
            }
            long value = 0;
            int digits = 0;
            while (c >= '0' && c <= '9' && digits < 9) {
                value = value * 10 + (c - '0');
                digits++;
                c = in.read();
            }
            if (digits == 0) {
                throw new VideoDecodeException("bad PPM header from ffmpeg");
            }
            return (int) value;
        }
    }
}
