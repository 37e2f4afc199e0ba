import fc from "fast-check";
import { createHash } from "node:crypto";
import { sha256, sha256Bytes, utf8 } from "../../../src/workbook/integrity/sha256";

const node = (data: string | Uint8Array) => createHash("sha256").update(data).digest("hex");

describe("sha256", () => {
  it("gives NIST's digests (FIPS 180-4 examples)", () => {
    expect(sha256("")).toBe("e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855");
    expect(sha256("abc")).toBe("ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad");
    expect(sha256("abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq")).toBe(
      "248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1",
    );
    expect(
      sha256(
        "abcdefghbcdefghicdefghijdefghijkefghijklfghijklmghijklmnhijklmnoijklmnopjklmnopqklmnopqrlmnopqrsmnopqrstnopqrstu",
      ),
    ).toBe("cf5b16a778af8380036ce59e7b0492370b249b11e8f07a51afac45037afee9d1");
    expect(sha256("a".repeat(1_000_000))).toBe(
      "cdc76e5c9914fb9281a1c7e284d73e67f1809a48a497200e046d39ccc7112cd0",
    );
  });

  it("agrees with Node's crypto around every block boundary", () => {
    for (let length = 0; length <= 200; length++) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 37 + length) & 255);
      expect([length, sha256Bytes(bytes)]).toEqual([length, node(bytes)]);
    }
  });

  it("agrees with Node's crypto on any text, hashed as UTF-8 (Chinese, emoji, lone surrogates)", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 300 }), (text) => {
        expect(Buffer.from(utf8(text)).equals(Buffer.from(text, "utf8"))).toBe(true);
        expect(sha256(text)).toBe(node(Buffer.from(text, "utf8")));
      }),
      { numRuns: 300 },
    );
    expect(sha256("商品售后服务认证 ✓ 😀")).toBe(node("商品售后服务认证 ✓ 😀"));
    expect(utf8("\ud800x")).toEqual(Uint8Array.from([0xef, 0xbf, 0xbd, 0x78]));
  });
});
