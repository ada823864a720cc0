package org.adcs.protocol.interop;

import gurux.dlms.GXDLMSConnectionEventArgs;
import gurux.dlms.GXDLMSServer;
import gurux.dlms.GXDateTime;
import gurux.dlms.ValueEventArgs;
import gurux.dlms.enums.Authentication;
import gurux.dlms.enums.InterfaceType;
import gurux.dlms.enums.ObjectType;
import gurux.dlms.enums.SourceDiagnostic;
import gurux.dlms.enums.Unit;
import gurux.dlms.objects.GXDLMSAssociationLogicalName;
import gurux.dlms.objects.GXDLMSClock;
import gurux.dlms.objects.GXDLMSData;
import gurux.dlms.objects.GXDLMSObject;
import gurux.dlms.objects.GXDLMSProfileGeneric;
import gurux.dlms.objects.GXDLMSRegister;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Date;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.adcs.protocol.testing.TestMeter;

/**
 * A Gurux 4.0.47 server (GPL, test scope only) with the same objects and values as {@link TestMeter},
 * served over a blocking loopback socket on an ephemeral port. Gurux answers from its own objects.
 */
final class GuruxTestServer extends GXDLMSServer implements AutoCloseable {
    final List<byte[]> requests = new CopyOnWriteArrayList<>();
    final List<byte[]> replies = new CopyOnWriteArrayList<>();
    private final ServerSocket listener;
    private final Thread acceptor;

    GuruxTestServer() throws Exception {
        super(true, InterfaceType.WRAPPER);
        GXDLMSAssociationLogicalName association = new GXDLMSAssociationLogicalName();
        association.getAuthenticationMechanismName().setMechanismId(Authentication.LOW);
        association.setSecret(TestMeter.PASSWORD.getBytes(StandardCharsets.US_ASCII));
        GXDLMSClock clock = new GXDLMSClock("0.0.1.0.0.255");
        clock.setTime(new GXDateTime(Date.from(TestMeter.NOW)));
        GXDLMSRegister energyImport = register("1.0.1.8.0.255", TestMeter.IMPORT_WH);
        GXDLMSRegister energyExport = register("1.0.2.8.0.255", TestMeter.EXPORT_WH);
        GXDLMSData status = new GXDLMSData("0.0.96.10.1.255");
        status.setValue((short) 0);
        GXDLMSProfileGeneric profile = new GXDLMSProfileGeneric("1.0.99.1.0.255");
        profile.addCaptureObject(clock, 2, 0);
        profile.addCaptureObject(status, 2, 0);
        profile.addCaptureObject(energyImport, 2, 0);
        profile.addCaptureObject(energyExport, 2, 0);
        profile.setCapturePeriod(0); // 0 stops the Gurux server capturing current values into the buffer on its own
        int n = TestMeter.DAYS * TestMeter.INTERVALS_PER_DAY;
        profile.setProfileEntries(n);
        Object[][] rows = new Object[n][];
        for (int i = 0; i < n; i++) {
            rows[i] = new Object[] {new GXDateTime(Date.from(TestMeter.intervalEnd(i))), (short) (i % 7 == 0 ? 0x80 : 0),
                    100_000L + 25L * i, 1_000L + i};
        }
        getItems().addAll(Arrays.asList(association, clock, energyImport, energyExport, status, profile));
        initialize();
        profile.setBuffer(rows); // after initialize(), which captures one entry of current values

        listener = new ServerSocket(0, 5, InetAddress.getLoopbackAddress());
        acceptor = new Thread(this::serve, "gurux-test-server");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    private static GXDLMSRegister register(String ln, long wh) {
        GXDLMSRegister register = new GXDLMSRegister(ln);
        register.setUnit(Unit.ACTIVE_ENERGY);
        register.setScaler(1);
        register.setValue(wh);
        return register;
    }

    InetSocketAddress address() {
        return (InetSocketAddress) listener.getLocalSocketAddress();
    }

    private void serve() {
        while (!listener.isClosed()) {
            try (Socket socket = listener.accept()) {
                InputStream in = socket.getInputStream();
                OutputStream out = socket.getOutputStream();
                byte[] buffer = new byte[8192];
                int n;
                while ((n = in.read(buffer)) > 0) {
                    byte[] received = Arrays.copyOf(buffer, n);
                    requests.add(received);
                    byte[] reply = handleRequest(received);
                    if (reply != null) {
                        replies.add(reply);
                        out.write(reply);
                        out.flush();
                    }
                }
            } catch (Exception e) {
                // connection ended (or the listener closed): accept the next one
            }
        }
    }

    @Override
    public void close() throws java.io.IOException {
        listener.close();
    }

    @Override
    protected boolean isTarget(int serverAddress, int clientAddress) {
        return true;
    }

    @Override
    protected SourceDiagnostic validateAuthentication(Authentication authentication, byte[] password) {
        boolean ok = authentication == Authentication.LOW
                && Arrays.equals(password, TestMeter.PASSWORD.getBytes(StandardCharsets.US_ASCII));
        return ok ? SourceDiagnostic.NONE : SourceDiagnostic.AUTHENTICATION_FAILURE;
    }

    @Override
    protected GXDLMSObject onFindObject(ObjectType objectType, int sn, String ln) {
        return null;
    }

    @Override
    public void read(ValueEventArgs[] args) {
        // Gurux answers from the objects' own values
    }

    @Override
    protected void write(ValueEventArgs[] args) {
    }

    @Override
    protected void connected(GXDLMSConnectionEventArgs e) {
    }

    @Override
    protected void invalidConnection(GXDLMSConnectionEventArgs e) {
    }

    @Override
    protected void disconnected(GXDLMSConnectionEventArgs e) {
    }

    @Override
    protected void action(ValueEventArgs[] args) {
    }
}
