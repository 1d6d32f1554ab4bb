package org.trilateral.client.example;

// docs/sdk.md shows this file from here on; SdkDocumentationTest keeps the two the same.
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.trilateral.client.Credentials;
import org.trilateral.client.ExchangeClient;
import org.trilateral.client.FileCursorStore;
import org.trilateral.client.Indicators;
import org.trilateral.client.ObjectResult;
import org.trilateral.client.PollRequest;
import org.trilateral.client.PublishResult;
import org.trilateral.client.ReceivedObject;
import org.trilateral.integrity.jws.SigningKey;
import org.trilateral.taxonomy.marking.Tlp;

/** Publishes one wallet indicator and polls the collection from where the last run stopped. */
public final class FirstSteps {

    public static void main(String[] args) throws Exception {
        ExchangeClient client = ExchangeClient.builder()
                .baseUrl(URI.create(System.getenv().getOrDefault("EXCHANGE_URL", "http://localhost:8080")))
                .credentials(Credentials.bearer(System.getenv("EXCHANGE_TOKEN")))
                .signingKey(SigningKey.parse(Files.readString(Path.of(System.getenv("EXCHANGE_SIGNING_KEY")))))
                .cursorStore(new FileCursorStore(Path.of("exchange-cursors")))
                .build();

        Indicators indicators = new Indicators(System.getenv("EXCHANGE_IDENTITY"));
        PublishResult published = client.publish("indicators",
                List.of(indicators.wallet("eip155:1:0x52908400098527886E0F7030069857D2E4169EE7", Tlp.AMBER)));
        for (ObjectResult result : published.results()) {
            System.out.println(result.outcome() + " " + result.id() + (result.message() == null ? "" : ": " + result.message()));
        }

        for (ReceivedObject object : client.poll(PollRequest.of("indicators").withCursor("first-steps"))) {
            System.out.println(object.id() + " " + object.version());
        }
    }
}
