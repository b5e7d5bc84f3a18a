import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.file.Files;
import java.nio.file.Path;
import org.takeitdown.hasher.vpdq.VpdqBuilder;

/**
 * JVM half of the vPDQ benchmark (run by bench/run.sh with the source launcher): frames hashed
 * per second by VpdqBuilder from decoded RGBA frames (each frame offered at the next whole second,
 * so every one is hashed). Prints "key value" lines.
 */
public class VpdqJvmBench {
    public static void main(String[] args) throws Exception {
        for (int a = 0; a < args.length; a += 2) {
            ByteBuffer in = ByteBuffer.wrap(Files.readAllBytes(Path.of(args[a + 1]))).order(ByteOrder.LITTLE_ENDIAN);
            int w = in.getInt(0);
            int h = in.getInt(4);
            int frames = in.capacity() / (8 + w * h * 4);
            byte[][] px = new byte[frames][w * h * 4];
            for (int i = 0; i < frames; i++) {
                in.position(i * (8 + w * h * 4) + 8);
                in.get(px[i]);
            }
            double best = 0;
            for (int round = 0; round < 4; round++) {
                VpdqBuilder b = new VpdqBuilder();
                long t = System.nanoTime();
                for (int i = 0; i < frames; i++) {
                    if (b.wants(i)) {
                        b.hash(px[i], w, h, 4);
                    }
                }
                double fps = frames / ((System.nanoTime() - t) / 1e9);
                if (round > 0) {
                    best = Math.max(best, fps);
                }
            }
            System.out.printf("jvm-vpdq-%s-fps %.1f%n", args[a], best);
        }
    }
}
