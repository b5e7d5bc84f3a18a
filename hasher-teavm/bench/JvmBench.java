import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import org.takeitdown.hasher.cli.FileHasher;
import org.takeitdown.hasher.md5.Md5;
import org.takeitdown.hasher.pdq.PdqHasher;

/**
 * JVM half of the hasher benchmark (run by bench/run.sh with the source launcher): MD5 MB/s over
 * 64 MiB for the JDK's MessageDigest in memory, the CLI's MD5 of a 64 MiB file (FileHasher, which
 * uses MessageDigest) and our portable Md5 (the code TeaVM compiles), interleaved, median of 7
 * rounds; PDQ ms per image from pixels, median of 5 rounds of {@code PDQ_ROUND} hashes, and the least
 * process CPU time of those rounds (less disturbed than wall time when other processes share the cores).
 * Prints "key value" lines.
 */
public class JvmBench {
    /**
     * Hashes in a PDQ round: the process CPU clock advances in steps of 10 ms here (Linux clock ticks), so a
     * round of 10 hashes (about 40 ms) read 30 or 40; 100 hashes make a step under 3 % of a round.
     */
    private static final int PDQ_ROUND = 100;

    public static void main(String[] args) throws Exception {
        byte[] data = new byte[64 << 20];
        for (int i = 0; i < data.length; i++) {
            data[i] = (byte) (i * 2654435761L >>> 13);
        }
        Path file = Files.createTempFile("hasher-bench-", ".bin");
        try {
            Files.write(file, data);
            String expected = FileHasher.hash(file).md5;
            int rounds = 8;
            double[] jdk = new double[rounds - 1];
            double[] cli = new double[rounds - 1];
            double[] ours = new double[rounds - 1];
            for (int r = 0; r < rounds; r++) {
                long t0 = System.nanoTime();
                MessageDigest.getInstance("MD5").digest(data);
                long t1 = System.nanoTime();
                String viaCli = FileHasher.hash(file).md5;
                long t2 = System.nanoTime();
                String viaOurs = new Md5().update(data, 0, data.length).finishHex();
                long t3 = System.nanoTime();
                if (!viaCli.equals(expected) || !viaOurs.equals(expected)) {
                    throw new IllegalStateException("MD5s differ: " + viaCli + " " + viaOurs);
                }
                if (r > 0) {
                    jdk[r - 1] = 64 / ((t1 - t0) / 1e9);
                    cli[r - 1] = 64 / ((t2 - t1) / 1e9);
                    ours[r - 1] = 64 / ((t3 - t2) / 1e9);
                }
            }
            System.out.printf("jvm-messagedigest-mbps %.0f%n", median(jdk));
            System.out.printf("jvm-cli-md5-mbps %.0f%n", median(cli));
            System.out.printf("jvm-portable-md5-mbps %.0f%n", median(ours));
        } finally {
            Files.delete(file);
        }
        byte[] rgba = Files.readAllBytes(Path.of(args[0]));
        int w = Integer.parseInt(args[1]);
        int h = Integer.parseInt(args[2]);
        for (int i = 0; i < 30; i++) {
            PdqHasher.hash(rgba, w, h, 4);
        }
        com.sun.management.OperatingSystemMXBean os =
                (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        double[] ms = new double[5];
        double[] cpu = new double[5];
        for (int r = 0; r < ms.length; r++) {
            long c = os.getProcessCpuTime();
            long t = System.nanoTime();
            for (int i = 0; i < PDQ_ROUND; i++) {
                PdqHasher.hash(rgba, w, h, 4);
            }
            ms[r] = (System.nanoTime() - t) / 1e6 / PDQ_ROUND;
            cpu[r] = (os.getProcessCpuTime() - c) / 1e6 / PDQ_ROUND;
        }
        System.out.printf("jvm-pdq-ms %.2f%n", median(ms));
        System.out.printf("jvm-pdq-cpu-ms %.2f%n", Arrays.stream(cpu).min().getAsDouble());
    }

    private static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }
}
