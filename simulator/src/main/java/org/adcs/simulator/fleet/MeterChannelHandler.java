package org.adcs.simulator.fleet;

import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.util.ReferenceCountUtil;
import org.adcs.protocol.netty.DlmsServerHandler;
import org.adcs.protocol.session.ServerSettings;
import org.adcs.protocol.wrapper.WrapperFrame;
import org.adcs.simulator.cosem.MeterObjects;
import org.adcs.simulator.fault.Fault;
import org.adcs.simulator.meter.SimulatedMeter;

/**
 * A meter's end of one connection. On connect it announces itself (a DataNotification with its
 * logical device name); when the head-end first speaks it builds the meter's object model and hands
 * the frames to meter-protocol's {@link DlmsServerHandler}, so an idle connection holds no model.
 */
final class MeterChannelHandler extends ChannelInboundHandlerAdapter {
    private final Fleet fleet;
    private final SimulatedMeter meter;
    private boolean serving;

    MeterChannelHandler(Fleet fleet, SimulatedMeter meter) {
        this.fleet = fleet;
        this.meter = meter;
    }

    @Override
    public void channelActive(ChannelHandlerContext ctx) throws Exception {
        fleet.onConnected(meter, ctx.channel());
        super.channelActive(ctx);
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (!(msg instanceof WrapperFrame)) {
            ReferenceCountUtil.release(msg);
            return;
        }
        if (meter.spec().has(Fault.NEVER_ANSWERS)) {
            fleet.stats().faultsInjected.increment();
            return;
        }
        fleet.stats().requestsServed.increment();
        if (!serving) {
            serving = true;
            ServerSettings settings = ServerSettings.withPassword(meter.spec().password(meter.terms()));
            ctx.pipeline().addAfter(ctx.name(), "dlms-server", new DlmsServerHandler(settings,
                    MeterObjects.of(meter, fleet.clock(), fleet.headEndLabel(), fleet), WrapperFrame.LOGICAL_DEVICE, h -> { }));
        }
        ctx.fireChannelRead(msg);
    }

    @Override
    public void channelInactive(ChannelHandlerContext ctx) throws Exception {
        fleet.onDisconnected(meter, ctx.channel());
        super.channelInactive(ctx);
    }

    @Override
    public void exceptionCaught(ChannelHandlerContext ctx, Throwable cause) {
        ctx.close(); // I/O trouble ends this connection only; the fleet reconnects
    }
}
