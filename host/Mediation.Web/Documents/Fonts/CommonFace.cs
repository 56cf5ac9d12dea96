using System.Buffers.Binary;
using System.Text;

namespace Mediation.Web.Documents.Fonts;

/// <summary>
/// A TrueType face cut once per process from the full CJK face: only the glyphs of <see cref="CommonCharacters"/> (and the
/// component glyphs their composites draw with), renumbered densely. Why (issue 17, P4): PDFsharp 6.2.4 keeps glyph ids when it
/// subsets a face for a document, so every document embedded <c>loca</c> and <c>hmtx</c> for all 49,531 glyphs of WQY MicroHei
/// (about 400 KB to deflate per document, <c>hmtx</c> alone ~36 KB of a 66 KB agreement). Drawing the common characters in this
/// face makes those tables about a quarter as long; a character outside it is drawn in the full face (<see cref="Covers"/>).
/// Advances, bearings, outlines, hinting programs and the vertical metrics are the full face's, so text set in either face
/// measures and looks the same.
/// </summary>
public sealed class CommonFace
{
    private readonly ulong[] _covered;

    private CommonFace(byte[] bytes, ulong[] covered, int glyphCount)
    {
        Bytes = bytes;
        _covered = covered;
        GlyphCount = glyphCount;
    }

    /// <summary>The standalone TrueType file.</summary>
    public byte[] Bytes { get; }

    public int GlyphCount { get; }

    /// <summary>Whether this face draws <paramref name="codePoint"/> (the full face maps it and it is a common character).</summary>
    public bool Covers(int codePoint) =>
        (uint)codePoint < 0x10000 && (_covered[codePoint >> 6] & (1UL << (codePoint & 63))) != 0;

    /// <summary>
    /// ASCII and Latin-1, general and CJK punctuation, full-width forms, and the 7,445 characters of GB 2312 (its 6,763 hanzi and
    /// 682 symbols): what agreements, notices and minutes are written in. Rarer characters (a name's 喆 or 堃, Extension B) fall
    /// back to the full face.
    /// </summary>
    public static IReadOnlyList<int> CommonCharacters()
    {
        var characters = new List<int>();
        characters.AddRange(Enumerable.Range(0x20, 0x7F - 0x20));       // ASCII
        characters.AddRange(Enumerable.Range(0xA0, 0x100 - 0xA0));      // Latin-1
        characters.AddRange(Enumerable.Range(0x2000, 0x2070 - 0x2000)); // general punctuation
        characters.AddRange(Enumerable.Range(0x3000, 0x3040 - 0x3000)); // CJK symbols and punctuation
        characters.AddRange(Enumerable.Range(0xFF00, 0xFFF0 - 0xFF00)); // full-width forms
        var gb2312 = CodePagesEncodingProvider.Instance.GetEncoding(936)!;
        Span<byte> code = stackalloc byte[2];
        Span<char> decoded = stackalloc char[2];
        for (var row = 0xA1; row <= 0xF7; row++)
        {
            for (var cell = 0xA1; cell <= 0xFE; cell++)
            {
                code[0] = (byte)row;
                code[1] = (byte)cell;
                if (gb2312.GetChars(code, decoded) == 1 && decoded[0] is not ('?' or '\uFFFD') and not (>= '\uE000' and <= '\uF8FF')) characters.Add(decoded[0]);
            }
        }
        return characters;
    }

    /// <summary>
    /// Cuts the face; null when the full face is not one this can cut (no <c>glyf</c> outlines, no Unicode cmap): the full face
    /// is then used for everything, as before.
    /// </summary>
    public static CommonFace? Cut(byte[] fullFace, IEnumerable<int> characters)
    {
        var font = new TrueTypeTables(fullFace);
        if (!font.Has("glyf") || !font.Has("loca") || !font.Has("hmtx") || !font.Has("cmap")) return null;
        var cmap = font.UnicodeCmap();
        if (cmap is null) return null;

        var numGlyphs = BinaryPrimitives.ReadUInt16BigEndian(font.Table("maxp").AsSpan(4));
        var longLoca = BinaryPrimitives.ReadInt16BigEndian(font.Table("head").AsSpan(50)) == 1;
        var loca = font.Table("loca");
        int GlyphStart(int glyph) => longLoca
            ? (int)BinaryPrimitives.ReadUInt32BigEndian(loca.AsSpan(4 * glyph))
            : 2 * BinaryPrimitives.ReadUInt16BigEndian(loca.AsSpan(2 * glyph));
        var glyf = font.Table("glyf");
        ReadOnlySpan<byte> Outline(int glyph) => glyf.AsSpan(GlyphStart(glyph), GlyphStart(glyph + 1) - GlyphStart(glyph));

        // Old glyph id → new id: .notdef first, then each common character's glyph in code-point order, then the components.
        var mapped = new SortedDictionary<int, int>(); // code point → old glyph
        foreach (var c in characters.Distinct())
        {
            var glyph = cmap(c);
            if (glyph > 0 && glyph < numGlyphs) mapped[c] = glyph;
        }
        var order = new List<int> { 0 };
        var newId = new Dictionary<int, int> { [0] = 0 };
        foreach (var glyph in mapped.Values) Take(glyph);
        for (var i = 0; i < order.Count; i++) // the closure: components may be composites themselves
            foreach (var component in ComponentsOf(Outline(order[i]))) Take(component.Glyph);
        if (order.Count > ushort.MaxValue) return null;

        void Take(int glyph)
        {
            if (glyph >= numGlyphs || !newId.TryAdd(glyph, order.Count)) return;
            order.Add(glyph);
        }

        var hmtx = font.Table("hmtx");
        var longMetrics = BinaryPrimitives.ReadUInt16BigEndian(font.Table("hhea").AsSpan(34));
        ushort Advance(int glyph) => BinaryPrimitives.ReadUInt16BigEndian(hmtx.AsSpan(4 * Math.Min(glyph, longMetrics - 1)));
        short Bearing(int glyph) => glyph < longMetrics
            ? BinaryPrimitives.ReadInt16BigEndian(hmtx.AsSpan(4 * glyph + 2))
            : BinaryPrimitives.ReadInt16BigEndian(hmtx.AsSpan(4 * longMetrics + 2 * (glyph - longMetrics)));

        // The glyphs of the most frequent advance (the ideographs') go last, so that hmtx stores only their bearings.
        var dominant = order.Skip(1).GroupBy(Advance).MaxBy(glyphs => glyphs.Count())!.Key;
        order = [0, .. order.Skip(1).Where(glyph => Advance(glyph) != dominant), .. order.Skip(1).Where(glyph => Advance(glyph) == dominant)];
        for (var i = 0; i < order.Count; i++) newId[order[i]] = i;

        // The new glyf and loca (long offsets), composite references renumbered.
        var glyfNew = new MemoryStream();
        var locaNew = new byte[4 * (order.Count + 1)];
        for (var i = 0; i < order.Count; i++)
        {
            BinaryPrimitives.WriteUInt32BigEndian(locaNew.AsSpan(4 * i), (uint)glyfNew.Length);
            var outline = Outline(order[i]).ToArray();
            foreach (var component in ComponentsOf(outline))
                BinaryPrimitives.WriteUInt16BigEndian(outline.AsSpan(component.At), (ushort)newId[component.Glyph]);
            glyfNew.Write(outline);
            while (glyfNew.Length % 4 != 0) glyfNew.WriteByte(0);
        }
        BinaryPrimitives.WriteUInt32BigEndian(locaNew.AsSpan(4 * order.Count), (uint)glyfNew.Length);

        // hmtx: an advance for each glyph up to the last whose advance differs from the final run's, bearings only after it.
        var newLongMetrics = order.Count;
        while (newLongMetrics > 1 && Advance(order[newLongMetrics - 2]) == Advance(order[^1])) newLongMetrics--;
        var hmtxNew = new byte[4 * newLongMetrics + 2 * (order.Count - newLongMetrics)];
        for (var i = 0; i < order.Count; i++)
        {
            if (i < newLongMetrics)
            {
                BinaryPrimitives.WriteUInt16BigEndian(hmtxNew.AsSpan(4 * i), Advance(order[i]));
                BinaryPrimitives.WriteInt16BigEndian(hmtxNew.AsSpan(4 * i + 2), Bearing(order[i]));
            }
            else BinaryPrimitives.WriteInt16BigEndian(hmtxNew.AsSpan(4 * newLongMetrics + 2 * (i - newLongMetrics)), Bearing(order[i]));
        }

        var head = font.Table("head");
        BinaryPrimitives.WriteUInt32BigEndian(head.AsSpan(8), 0);   // checkSumAdjustment, set below
        BinaryPrimitives.WriteInt16BigEndian(head.AsSpan(50), 1);   // indexToLocFormat: long
        var hhea = font.Table("hhea");
        BinaryPrimitives.WriteUInt16BigEndian(hhea.AsSpan(34), (ushort)newLongMetrics);
        var maxp = font.Table("maxp");
        BinaryPrimitives.WriteUInt16BigEndian(maxp.AsSpan(4), (ushort)order.Count);
        var post = font.Table("post")[..32];
        BinaryPrimitives.WriteUInt32BigEndian(post, 0x00030000);    // version 3: no glyph names

        var newGlyphOf = new SortedDictionary<int, int>();
        foreach (var (c, glyph) in mapped) newGlyphOf[c] = newId[glyph];
        var cmapNew = Format4Cmap(newGlyphOf);
        if (cmapNew is null) return null;

        var tables = new SortedDictionary<string, byte[]>(StringComparer.Ordinal)
        {
            ["cmap"] = cmapNew, ["glyf"] = glyfNew.ToArray(), ["head"] = head, ["hhea"] = hhea, ["hmtx"] = hmtxNew,
            ["loca"] = locaNew, ["maxp"] = maxp, ["post"] = post,
        };
        // PDFsharp caches faces for the process by their full name, and refuses a second face of the same name.
        tables["name"] = NameTable(font.Name(4) + " Common", font.Name(6) + "-Common", font.Name(1) + " Common");
        // Copied as they are: the vertical metrics and the hinting programs (these address no glyph id).
        foreach (var tag in new[] { "OS/2", "cvt ", "fpgm", "prep", "gasp" })
            if (font.Has(tag)) tables[tag] = font.Table(tag);

        var covered = new ulong[0x10000 / 64];
        foreach (var c in newGlyphOf.Keys) covered[c >> 6] |= 1UL << (c & 63);
        return new CommonFace(TrueTypeTables.Write(tables), covered, order.Count);
    }

    /// <summary>The components a composite outline draws (none for a simple one), with where each one's glyph id sits.</summary>
    internal static List<(int Glyph, int At)> ComponentsOf(ReadOnlySpan<byte> outline)
    {
        var components = new List<(int Glyph, int At)>();
        if (outline.Length < 10 || BinaryPrimitives.ReadInt16BigEndian(outline) >= 0) return components;
        const int argsAreWords = 0x0001, haveScale = 0x0008, moreComponents = 0x0020, haveXAndYScale = 0x0040, haveTwoByTwo = 0x0080;
        var at = 10;
        int flags;
        do
        {
            flags = BinaryPrimitives.ReadUInt16BigEndian(outline[at..]);
            components.Add((BinaryPrimitives.ReadUInt16BigEndian(outline[(at + 2)..]), at + 2));
            at += 4 + ((flags & argsAreWords) != 0 ? 4 : 2);
            if ((flags & haveScale) != 0) at += 2;
            else if ((flags & haveXAndYScale) != 0) at += 4;
            else if ((flags & haveTwoByTwo) != 0) at += 8;
        } while ((flags & moreComponents) != 0 && at + 4 <= outline.Length);
        return components;
    }

    /// <summary>A Windows Unicode name table with the family (1), style (2), full (4) and PostScript (6) names.</summary>
    private static byte[] NameTable(string fullName, string postScriptName, string family)
    {
        string[] names = [family, "Regular", fullName, postScriptName];
        ushort[] ids = [1, 2, 4, 6];
        var strings = names.Select(Encoding.BigEndianUnicode.GetBytes).ToArray();
        var headerLength = 6 + 12 * names.Length;
        var table = new byte[headerLength + strings.Sum(s => s.Length)];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], (ushort)names.Length);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)headerLength);
        var offset = 0;
        for (var i = 0; i < names.Length; i++)
        {
            var record = span[(6 + 12 * i)..];
            BinaryPrimitives.WriteUInt16BigEndian(record, 3);
            BinaryPrimitives.WriteUInt16BigEndian(record[2..], 1);
            BinaryPrimitives.WriteUInt16BigEndian(record[4..], 0x0409);
            BinaryPrimitives.WriteUInt16BigEndian(record[6..], ids[i]);
            BinaryPrimitives.WriteUInt16BigEndian(record[8..], (ushort)strings[i].Length);
            BinaryPrimitives.WriteUInt16BigEndian(record[10..], (ushort)offset);
            strings[i].CopyTo(span[(headerLength + offset)..]);
            offset += strings[i].Length;
        }
        return table;
    }

    /// <summary>A (3, 1) format 4 cmap: one segment per run of consecutive characters on consecutive glyphs; null if too many.</summary>
    private static byte[]? Format4Cmap(SortedDictionary<int, int> glyphOf)
    {
        var segments = new List<(int Start, int End, int Delta)>();
        foreach (var (c, glyph) in glyphOf)
        {
            if (segments.Count > 0 && segments[^1].End == c - 1 && segments[^1].Delta == glyph - c)
                segments[^1] = (segments[^1].Start, c, segments[^1].Delta);
            else segments.Add((c, c, glyph - c));
        }
        segments.Add((0xFFFF, 0xFFFF, 1));
        var segCount = segments.Count;
        var subtableLength = 16 + 8 * segCount;
        if (subtableLength > ushort.MaxValue) return null;

        var table = new byte[12 + subtableLength];
        var span = table.AsSpan();
        BinaryPrimitives.WriteUInt16BigEndian(span[2..], 1);        // one encoding record
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], 3);        // Windows
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], 1);        // Unicode BMP
        BinaryPrimitives.WriteUInt32BigEndian(span[8..], 12);
        var sub = span[12..];
        BinaryPrimitives.WriteUInt16BigEndian(sub, 4);
        BinaryPrimitives.WriteUInt16BigEndian(sub[2..], (ushort)subtableLength);
        var searchRange = 2 * (1 << (int)Math.Log2(segCount));
        BinaryPrimitives.WriteUInt16BigEndian(sub[6..], (ushort)(2 * segCount));
        BinaryPrimitives.WriteUInt16BigEndian(sub[8..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(sub[10..], (ushort)Math.Log2(searchRange / 2));
        BinaryPrimitives.WriteUInt16BigEndian(sub[12..], (ushort)(2 * segCount - searchRange));
        for (var i = 0; i < segCount; i++)
        {
            var (start, end, delta) = segments[i];
            BinaryPrimitives.WriteUInt16BigEndian(sub[(14 + 2 * i)..], (ushort)end);
            BinaryPrimitives.WriteUInt16BigEndian(sub[(16 + 2 * segCount + 2 * i)..], (ushort)start);
            BinaryPrimitives.WriteUInt16BigEndian(sub[(16 + 4 * segCount + 2 * i)..], (ushort)(delta & 0xFFFF));
            // idRangeOffset stays 0: glyph = character + delta
        }
        return table;
    }
}

/// <summary>A TrueType file's table directory: reading tables by tag, and writing a file from tables with their checksums.</summary>
internal sealed class TrueTypeTables
{
    private readonly byte[] _data;
    private readonly Dictionary<string, (int Offset, int Length)> _tables = new(StringComparer.Ordinal);

    public TrueTypeTables(byte[] data)
    {
        _data = data;
        var count = BinaryPrimitives.ReadUInt16BigEndian(data.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = data.AsSpan(12 + 16 * i);
            _tables[Encoding.ASCII.GetString(record[..4])] =
                ((int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]), (int)BinaryPrimitives.ReadUInt32BigEndian(record[12..]));
        }
    }

    public bool Has(string tag) => _tables.ContainsKey(tag);

    public byte[] Table(string tag)
    {
        var (offset, length) = _tables[tag];
        return _data.AsSpan(offset, length).ToArray();
    }

    /// <summary>A Windows Unicode name record's text (the first one with <paramref name="nameId"/>), or "CJK" if there is none.</summary>
    public string Name(int nameId)
    {
        var name = Table("name");
        var count = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(2));
        var strings = BinaryPrimitives.ReadUInt16BigEndian(name.AsSpan(4));
        for (var i = 0; i < count; i++)
        {
            var record = name.AsSpan(6 + 12 * i);
            if (BinaryPrimitives.ReadUInt16BigEndian(record) != 3 || BinaryPrimitives.ReadUInt16BigEndian(record[2..]) != 1
                || BinaryPrimitives.ReadUInt16BigEndian(record[6..]) != nameId) continue;
            var length = BinaryPrimitives.ReadUInt16BigEndian(record[8..]);
            var offset = BinaryPrimitives.ReadUInt16BigEndian(record[10..]);
            return Encoding.BigEndianUnicode.GetString(name, strings + offset, length);
        }
        return "CJK";
    }

    /// <summary>The character → glyph lookup of the Windows Unicode cmap (format 12 if there is one, else format 4).</summary>
    public Func<int, int>? UnicodeCmap()
    {
        var cmap = Table("cmap");
        int? format4 = null, format12 = null;
        var count = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(2));
        for (var i = 0; i < count; i++)
        {
            var record = cmap.AsSpan(4 + 8 * i);
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var offset = (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]);
            var format = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(offset));
            if (platform == 3 && encoding == 10 && format == 12) format12 = offset;
            else if (platform == 3 && encoding == 1 && format == 4) format4 = offset;
        }
        if (format12 is { } at12)
        {
            var groups = (int)BinaryPrimitives.ReadUInt32BigEndian(cmap.AsSpan(at12 + 12));
            return c =>
            {
                for (int lo = 0, hi = groups - 1; lo <= hi;)
                {
                    var mid = (lo + hi) / 2;
                    var group = cmap.AsSpan(at12 + 16 + 12 * mid);
                    var start = (int)BinaryPrimitives.ReadUInt32BigEndian(group);
                    var end = (int)BinaryPrimitives.ReadUInt32BigEndian(group[4..]);
                    if (c < start) hi = mid - 1;
                    else if (c > end) lo = mid + 1;
                    else return (int)BinaryPrimitives.ReadUInt32BigEndian(group[8..]) + c - start;
                }
                return 0;
            };
        }
        if (format4 is not { } at4) return null;
        var segCount = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(at4 + 6)) / 2;
        return c =>
        {
            if (c > 0xFFFF) return 0;
            int lo = 0, hi = segCount - 1; // the first segment whose end is at or after c
            while (lo < hi)
            {
                var mid = (lo + hi) / 2;
                if (BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(at4 + 14 + 2 * mid)) < c) lo = mid + 1;
                else hi = mid;
            }
            var i = lo;
            if (c > BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(at4 + 14 + 2 * i))) return 0;
            var start = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(at4 + 16 + 2 * segCount + 2 * i));
            if (c < start) return 0;
            var delta = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(at4 + 16 + 4 * segCount + 2 * i));
            var rangeAt = at4 + 16 + 6 * segCount + 2 * i;
            var rangeOffset = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(rangeAt));
            if (rangeOffset == 0) return (c + delta) & 0xFFFF;
            var glyph = BinaryPrimitives.ReadUInt16BigEndian(cmap.AsSpan(rangeAt + rangeOffset + 2 * (c - start)));
            return glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
        };
    }

    /// <summary>A TrueType file of <paramref name="tables"/> (ordered by tag), each 4-byte aligned, with the head's checksum adjustment.</summary>
    public static byte[] Write(SortedDictionary<string, byte[]> tables)
    {
        var count = tables.Count;
        var headerLength = 12 + 16 * count;
        var size = headerLength + tables.Values.Sum(t => (t.Length + 3) & ~3);
        var file = new byte[size];
        var span = file.AsSpan();
        var entrySelector = (int)Math.Log2(count);
        var searchRange = 16 * (1 << entrySelector);
        BinaryPrimitives.WriteUInt32BigEndian(span, 0x00010000);
        BinaryPrimitives.WriteUInt16BigEndian(span[4..], (ushort)count);
        BinaryPrimitives.WriteUInt16BigEndian(span[6..], (ushort)searchRange);
        BinaryPrimitives.WriteUInt16BigEndian(span[8..], (ushort)entrySelector);
        BinaryPrimitives.WriteUInt16BigEndian(span[10..], (ushort)(16 * count - searchRange));
        var position = headerLength;
        var headAt = -1;
        var i = 0;
        foreach (var (tag, table) in tables)
        {
            var record = span[(12 + 16 * i++)..];
            Encoding.ASCII.GetBytes(tag, record);
            table.CopyTo(span[position..]);
            BinaryPrimitives.WriteUInt32BigEndian(record[4..], Checksum(span.Slice(position, (table.Length + 3) & ~3)));
            BinaryPrimitives.WriteUInt32BigEndian(record[8..], (uint)position);
            BinaryPrimitives.WriteUInt32BigEndian(record[12..], (uint)table.Length);
            if (tag == "head") headAt = position;
            position += (table.Length + 3) & ~3;
        }
        if (headAt >= 0) BinaryPrimitives.WriteUInt32BigEndian(span[(headAt + 8)..], 0xB1B0AFBA - Checksum(span));
        return file;
    }

    private static uint Checksum(ReadOnlySpan<byte> data)
    {
        uint sum = 0;
        for (var i = 0; i + 4 <= data.Length; i += 4) sum += BinaryPrimitives.ReadUInt32BigEndian(data[i..]);
        return sum;
    }
}
