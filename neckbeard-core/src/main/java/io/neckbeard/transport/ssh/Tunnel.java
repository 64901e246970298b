package io.neckbeard.transport.ssh;

import com.jcraft.jsch.Channel;
import com.jcraft.jsch.Proxy;
import com.jcraft.jsch.Session;
import com.jcraft.jsch.SocketFactory;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;

/**
 * The node's session carried over a {@code direct-tcpip} channel of the bastion's session, as
 * OpenSSH's ProxyJump does: the bastion opens the TCP connection, and the node's host key and
 * login are still checked end to end.
 */
final class Tunnel implements Proxy {
    private final Session bastion;
    private Channel channel;
    private InputStream in;
    private OutputStream out;

    Tunnel(Session bastion) {
        this.bastion = bastion;
    }

    @Override
    public void connect(SocketFactory factory, String host, int port, int timeout) throws Exception {
        channel = bastion.getStreamForwarder(host, port);
        in = channel.getInputStream();
        out = channel.getOutputStream();
        channel.connect(timeout);
    }

    @Override
    public InputStream getInputStream() {
        return in;
    }

    @Override
    public OutputStream getOutputStream() {
        return out;
    }

    /** None: the session runs over the channel's streams. */
    @Override
    public Socket getSocket() {
        return null;
    }

    @Override
    public void close() {
        if (channel != null) {
            channel.disconnect();
        }
    }
}
