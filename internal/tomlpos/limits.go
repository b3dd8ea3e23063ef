package tomlpos

import "fmt"

// Limits checks data, before it is decoded, against the limits a loader
// sets on it: arrays and inline tables nested at most maxDepth deep
// (TooDeep), keys of at most maxParts parts and at most maxKeys keys
// (KeyLimits). It returns the position of the first limit passed and what
// is wrong, in the words of a diagnostic; "" when data is within them.
func Limits(data []byte, maxDepth, maxParts, maxKeys int) (Pos, string) {
	if p, deep := TooDeep(data, maxDepth); deep {
		return p, fmt.Sprintf("arrays or inline tables nested more than %d deep", maxDepth)
	}
	switch p, problem := KeyLimits(data, maxParts, maxKeys); problem {
	case KeyTooDeep:
		return p, fmt.Sprintf("key has more than %d dotted parts", maxParts)
	case TooManyKeys:
		return p, fmt.Sprintf("file has more than %d keys", maxKeys)
	}
	return Pos{}, ""
}
