# Container protocols: __len__, __getitem__, __setitem__, __contains__, __iter__, __bool__.
class Playlist:
    def __init__(self, *songs):
        self.songs = list(songs)

    def __len__(self):
        return len(self.songs)

    def __getitem__(self, index):
        return self.songs[index]

    def __contains__(self, song):
        print(f"checking {song!r}")
        return song.lower() in (s.lower() for s in self.songs)

pl = Playlist("Intro", "Verse", "Outro")
print(len(pl), pl[0], pl[-1], pl[1:], "verse" in pl, "bridge" not in pl)
for song in pl:
    print("playing", song)
print(list(pl), sorted(pl), bool(pl), bool(Playlist()))

class Grid:
    def __init__(self, width, height):
        self.width, self.height = width, height
        self.cells = {}

    def __getitem__(self, key):
        x, y = key
        if not (0 <= x < self.width and 0 <= y < self.height):
            raise IndexError(f"cell {key} is off the grid")
        return self.cells.get(key, ".")

    def __setitem__(self, key, value):
        self.cells[key] = value

    def __delitem__(self, key):
        del self.cells[key]

    def __iter__(self):
        for y in range(self.height):
            yield "".join(self[x, y] for x in range(self.width))

g = Grid(4, 2)
g[0, 0] = "#"
g[3, 1] = "@"
g[1, 1] = "x"
del g[1, 1]
print("\n".join(g))
try:
    g[9, 9]
except IndexError as err:
    print("IndexError:", err)

class Countdown:
    def __init__(self, start):
        self.start = start
    def __iter__(self):
        return CountdownIterator(self.start)

class CountdownIterator:
    def __init__(self, current):
        self.current = current
    def __iter__(self):
        return self
    def __next__(self):
        if self.current <= 0:
            raise StopIteration
        self.current -= 1
        return self.current + 1

cd = Countdown(3)
print(list(cd), list(cd), sum(cd), 2 in cd, max(cd))

class Flag:
    def __init__(self, on):
        self.on = on
    def __bool__(self):
        return self.on

print(bool(Flag(True)), bool(Flag(False)), "yes" if Flag(False) else "no", not Flag(True))

class Squares:
    def __getitem__(self, i):
        if i >= 5:
            raise IndexError
        return i * i

print(list(Squares()), 9 in Squares(), [x for x in Squares() if x % 2])
