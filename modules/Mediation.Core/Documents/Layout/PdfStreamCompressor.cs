using System.Globalization;
using System.IO.Compression;
using System.Text;
using System.Text.RegularExpressions;

namespace Mediation.Core.Documents.Layout;

/// <summary>
/// Flate-compresses the streams of an uncompressed PDF as PDFsharp writes it (numbered objects in
/// order, direct /Length, a classic xref table) and rewrites the xref. Anything unexpected returns
/// null, and the caller keeps the uncompressed (valid, larger) file.
/// </summary>
internal static partial class PdfStreamCompressor
{
    public static byte[]? TryCompress(byte[] pdf, int level)
    {
        var firstObject = FindAscii(pdf, "\n1 0 obj", 0);
        if (firstObject < 0) return null;
        using var output = new MemoryStream(pdf.Length / 3);
        output.Write(pdf, 0, firstObject + 1);
        var offsets = new SortedDictionary<int, long>();
        var position = firstObject + 1;

        while (true)
        {
            position = SkipWhitespace(pdf, position);
            if (StartsWith(pdf, position, "xref")) break;
            var header = ObjectHeader().Match(Ascii(pdf, position, Math.Min(32, pdf.Length - position)));
            if (!header.Success) return null;
            var number = int.Parse(header.Groups[1].Value, CultureInfo.InvariantCulture);
            var bodyStart = position + header.Length;
            var streamKeyword = FindStreamKeyword(pdf, bodyStart);
            var endObj = FindAscii(pdf, "endobj", bodyStart);
            if (endObj < 0) return null;
            offsets[number] = output.Position;

            if (streamKeyword < 0 || streamKeyword > endObj)
            {
                output.Write(pdf, position, endObj + 6 - position);
                output.WriteByte((byte)'\n');
                position = endObj + 6;
                continue;
            }

            var dictionary = Ascii(pdf, bodyStart, streamKeyword - bodyStart).Trim();
            var lengthMatch = DirectLength().Match(dictionary);
            if (!lengthMatch.Success) return null;
            var length = int.Parse(lengthMatch.Groups[1].Value, CultureInfo.InvariantCulture);
            var dataStart = streamKeyword + 6;
            if (pdf[dataStart] == '\r') dataStart++;
            if (pdf[dataStart] == '\n') dataStart++;
            if (dataStart + length > pdf.Length) return null;
            var endStream = FindAscii(pdf, "endstream", dataStart + length);
            endObj = FindAscii(pdf, "endobj", endStream);
            if (endStream < 0 || endObj < 0) return null;

            var data = pdf.AsSpan(dataStart, length);
            var alreadyFiltered = dictionary.Contains("/Filter", StringComparison.Ordinal);
            byte[]? packed = alreadyFiltered ? null : Deflate(data, level);
            if (packed is not null && packed.Length < length)
            {
                var newDictionary = DirectLength().Replace(dictionary, "/Length " + packed.Length.ToString(CultureInfo.InvariantCulture), 1);
                newDictionary = newDictionary[..newDictionary.LastIndexOf(">>", StringComparison.Ordinal)] + "/Filter/FlateDecode>>";
                WriteAscii(output, $"{header.Value}\n{newDictionary}\nstream\n");
                output.Write(packed);
            }
            else
            {
                WriteAscii(output, $"{header.Value}\n{dictionary}\nstream\n");
                output.Write(data);
            }
            WriteAscii(output, "\nendstream\nendobj\n");
            position = endObj + 6;
        }

        var trailerAt = FindAscii(pdf, "trailer", position);
        var startXref = FindAscii(pdf, "startxref", trailerAt);
        if (trailerAt < 0 || startXref < 0) return null;
        var trailer = Ascii(pdf, trailerAt + 7, startXref - trailerAt - 7).Trim();
        var size = offsets.Keys.Max() + 1;

        var xrefOffset = output.Position;
        var xref = new StringBuilder();
        xref.Append(CultureInfo.InvariantCulture, $"xref\n0 {size}\n0000000000 65535 f\r\n");
        for (var i = 1; i < size; i++)
        {
            xref.Append(offsets.TryGetValue(i, out var offset)
                ? string.Create(CultureInfo.InvariantCulture, $"{offset:D10} 00000 n\r\n")
                : "0000000000 00000 f\r\n");
        }
        xref.Append(CultureInfo.InvariantCulture, $"trailer\n{trailer}\nstartxref\n{xrefOffset}\n%%EOF\n");
        WriteAscii(output, xref.ToString());
        return output.ToArray();
    }

    private static byte[] Deflate(ReadOnlySpan<byte> data, int level)
    {
        using var buffer = new MemoryStream(data.Length / 2 + 64);
        using (var zlib = new ZLibStream(buffer, new ZLibCompressionOptions { CompressionLevel = level }, leaveOpen: true))
            zlib.Write(data);
        return buffer.ToArray();
    }

    /// <summary>The "stream" keyword after an object's dictionary (skipping the dictionary, so text inside it cannot match).</summary>
    private static int FindStreamKeyword(byte[] pdf, int from)
    {
        var at = SkipWhitespace(pdf, from);
        if (!StartsWith(pdf, at, "<<")) return -1;
        var depth = 0;
        for (var i = at; i < pdf.Length - 1; i++)
        {
            switch (pdf[i])
            {
                case (byte)'(':
                    for (var nesting = 0; i < pdf.Length; i++)
                    {
                        if (pdf[i] == '\\') { i++; continue; }
                        if (pdf[i] == '(') nesting++;
                        else if (pdf[i] == ')' && --nesting == 0) break;
                    }
                    break;
                case (byte)'<' when pdf[i + 1] == '<': depth++; i++; break;
                case (byte)'>' when pdf[i + 1] == '>':
                    depth--;
                    i++;
                    if (depth == 0)
                    {
                        var next = SkipWhitespace(pdf, i + 1);
                        return StartsWith(pdf, next, "stream") ? next : -1;
                    }
                    break;
            }
        }
        return -1;
    }

    private static int SkipWhitespace(byte[] pdf, int position)
    {
        while (position < pdf.Length && pdf[position] is (byte)' ' or (byte)'\n' or (byte)'\r' or (byte)'\t') position++;
        return position;
    }

    private static bool StartsWith(byte[] pdf, int position, string text) =>
        position + text.Length <= pdf.Length && pdf.AsSpan(position, text.Length).SequenceEqual(Encoding.ASCII.GetBytes(text));

    private static int FindAscii(byte[] pdf, string text, int from)
    {
        if (from < 0) return -1;
        var found = pdf.AsSpan(from).IndexOf(Encoding.ASCII.GetBytes(text));
        return found < 0 ? -1 : from + found;
    }

    private static string Ascii(byte[] pdf, int start, int length) => Encoding.Latin1.GetString(pdf, start, length);

    private static void WriteAscii(Stream output, string text) => output.Write(Encoding.Latin1.GetBytes(text));

    [GeneratedRegex(@"^(\d+) (\d+) obj")]
    private static partial Regex ObjectHeader();

    [GeneratedRegex(@"/Length (\d+)(?![\d ]*R)")]
    private static partial Regex DirectLength();
}
