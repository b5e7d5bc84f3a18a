import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import org.takeitdown.hasher.md5.Md5;
import org.takeitdown.hasher.pdq.PdqHasher;

/**
 * JVM half of the hasher benchmark (run by bench/run.sh with the source launcher):
 * MD5 MB/s over 64 MiB for MessageDigest and our Md5, PDQ ms per image from pixels.
 * Prints "key value" lines that run.sh combines with the Node half.
 */
public class JvmBench {
    public static void main(String[] args) throws Exception {
        byte[] data = new byte[64 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 2654435761L >>> 13);
        }
        byte[] rgba = Files.readAllBytes(Path.of(args[0]));
        int w = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        int rounds = 5;
        double jdk = 0;
        double ours = 0;
        for (int r = 0; r < rounds; r++) {
            long t0 = System.nanoTime();
            MessageDigest.getInstance("MD5").digest(data);
            long t1 = System.nanoTime();
            new Md5().update(data, 0, data.length).finish();
            long t2 = System.nanoTime();
            if (r > 0) {
                jdk = Math.max(jdk, 64 / ((t1 - t0) / 1e9));
                ours = Math.max(ours, 64 / ((t2 - t1) / 1e9));
            }
        }
        for (int i = 0; i < 30; i++) {
            PdqHasher.hash(rgba, w, h, 4);
        }
        int n = 50;
        long t = System.nanoTime();
        for (int i = 0; i < n; i++) {
            PdqHasher.hash(rgba, w, h, 4);
        }
        double pdqMs = (System.nanoTime() - t) / 1e6 / n;
        System.out.printf("jvm-messagedigest-mbps %.0f%n", jdk);
        System.out.printf("jvm-md5-mbps %.0f%n", ours);
        System.out.printf("jvm-pdq-ms %.2f%n", pdqMs);
    }
}
