using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Http;
using System.Net.Sockets;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace ToolGen.Extensions.AI.Tests.Loopback;

/// <summary>One request a client sent to the <see cref="LoopbackServer"/>.</summary>
internal sealed record RecordedRequest(string Method, string Path, string Body)
{
    public JsonNode Json => JsonNode.Parse(Body) ?? throw new InvalidOperationException("The request body is JSON null.");
}

/// <summary>
/// A provider stand-in on 127.0.0.1: replays recorded responses (files under Recorded/, in order) and records every
/// request, so real SDK clients run end to end without a network. A request beyond the script gets a 500, which the
/// clients surface as an exception, so a test that loops too often fails instead of hanging.
/// </summary>
internal sealed class LoopbackServer : IAsyncDisposable
{
    private readonly HttpListener _listener;
    private readonly Queue<string> _responses;
    private readonly Task _loop;

    public LoopbackServer(params string[] recordedFiles)
    {
        _responses = new Queue<string>();
        foreach (string file in recordedFiles)
        {
            _responses.Enqueue(File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Recorded", file)));
        }

        (_listener, BaseAddress) = Start();
        _loop = Task.Run(ServeAsync);
    }

    /// <summary><c>http://127.0.0.1:port/</c>.</summary>
    public Uri BaseAddress { get; }

    public ConcurrentQueue<RecordedRequest> Requests { get; } = new();

    /// <summary>
    /// An HttpClient for the SDKs: no proxy (an HTTP_PROXY on the machine must not see loopback traffic) and short
    /// timeouts, so nothing can wait on a network.
    /// </summary>
    public static HttpClient CreateHttpClient() => new(new SocketsHttpHandler { UseProxy = false, ConnectTimeout = TimeSpan.FromSeconds(5) })
    {
        Timeout = TimeSpan.FromSeconds(20),
    };

    public async ValueTask DisposeAsync()
    {
        _listener.Stop();
        _listener.Close();
        await _loop.WaitAsync(Guard.Timeout).ConfigureAwait(false);
    }

    private static (HttpListener Listener, Uri Address) Start()
    {
        // HttpListener cannot bind port 0: ask the OS for a free port, then bind it (retrying if another test took it).
        for (int attempt = 0; ; attempt++)
        {
            var probe = new TcpListener(IPAddress.Loopback, 0);
            probe.Start();
            int port = ((IPEndPoint)probe.LocalEndpoint).Port;
            probe.Stop();
            var address = new Uri($"http://127.0.0.1:{port}/");
            var listener = new HttpListener();
            listener.Prefixes.Add(address.ToString());
            try
            {
                listener.Start();
                return (listener, address);
            }
            catch (HttpListenerException) when (attempt < 10)
            {
                listener.Close();
            }
        }
    }

    private async Task ServeAsync()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try
            {
                context = await _listener.GetContextAsync().ConfigureAwait(false);
            }
            catch (Exception exception) when (exception is HttpListenerException or ObjectDisposedException or InvalidOperationException)
            {
                return; // stopped
            }

            string body;
            using (var reader = new StreamReader(context.Request.InputStream, Encoding.UTF8))
            {
                body = await reader.ReadToEndAsync().ConfigureAwait(false);
            }

            Requests.Enqueue(new RecordedRequest(context.Request.HttpMethod, context.Request.Url!.AbsolutePath, body));
            bool scripted;
            string response;
            lock (_responses)
            {
                scripted = _responses.TryDequeue(out response!);
            }

            context.Response.StatusCode = scripted ? 200 : 500;
            context.Response.ContentType = "application/json";
            byte[] bytes = Encoding.UTF8.GetBytes(scripted ? response : """{"error":{"message":"no more recorded responses","type":"server_error"}}""");
            context.Response.ContentLength64 = bytes.Length;
            await context.Response.OutputStream.WriteAsync(bytes).ConfigureAwait(false);
            context.Response.Close();
        }
    }
}
