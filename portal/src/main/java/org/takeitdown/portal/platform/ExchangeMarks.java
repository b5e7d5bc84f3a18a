package org.takeitdown.portal.platform;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import org.takeitdown.portal.cases.ExchangeReceivers;
import org.takeitdown.portal.db.Jdbc;

/** The platforms' exchange marks, read for a retiring item (see {@link ExchangeReceivers}). */
@ApplicationScoped
public class ExchangeMarks implements ExchangeReceivers {
    private final Jdbc jdbc;

    public ExchangeMarks(Jdbc jdbc) {
        this.jdbc = jdbc;
    }

    @Override
    public String lockAndList(Long firstSeq) {
        return jdbc.onConnection(c -> {
            StringBuilder out = new StringBuilder(",");
            try (PreparedStatement s = c.prepareStatement("SELECT id, exchange_mark FROM platform ORDER BY id FOR UPDATE");
                 ResultSet r = s.executeQuery()) {
                while (r.next()) {
                    if (firstSeq != null && r.getLong(2) >= firstSeq) {
                        out.append(r.getLong(1)).append(',');
                    }
                }
            }
            return out.toString();
        });
    }
}
