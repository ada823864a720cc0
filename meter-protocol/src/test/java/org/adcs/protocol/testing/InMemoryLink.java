package org.adcs.protocol.testing;

import java.util.ArrayList;
import java.util.List;
import org.adcs.protocol.session.ApduTransport;
import org.adcs.protocol.session.ClientSession;
import org.adcs.protocol.session.ClientSettings;
import org.adcs.protocol.session.ServerReply;
import org.adcs.protocol.session.ServerSession;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.wrapper.WrapperFrame;

/** Our client session wired straight to our server session, without sockets, recording the APDUs. */
public final class InMemoryLink {
    public final ManualScheduler scheduler = new ManualScheduler();
    public final ClientSession client;
    public final ServerSession server;
    public final List<byte[]> requests = new ArrayList<>();
    public final List<byte[]> responses = new ArrayList<>();
    public boolean clientClosed;
    public boolean serverSilent;

    public InMemoryLink(ClientSettings clientSettings, ServerSettings serverSettings, TestMeter meter, int clientWPort) {
        server = new ServerSession(serverSettings, meter.model, clientWPort);
        ClientSession[] holder = new ClientSession[1];
        client = new ClientSession(clientSettings, new ApduTransport() {
            @Override
            public void send(byte[] apdu) {
                requests.add(apdu);
                if (serverSilent) {
                    return;
                }
                ServerReply reply = server.onApdu(apdu);
                if (reply instanceof ServerReply.Send send) {
                    responses.add(send.apdu());
                    holder[0].onApdu(send.apdu());
                }
            }

            @Override
            public void close() {
                clientClosed = true;
            }
        }, scheduler);
        holder[0] = client;
    }

    public static InMemoryLink withLls(TestMeter meter) {
        return new InMemoryLink(ClientSettings.lowLevelSecurity(TestMeter.PASSWORD), ServerSettings.withPassword(TestMeter.PASSWORD),
                meter, WrapperFrame.MANAGEMENT_CLIENT);
    }
}
