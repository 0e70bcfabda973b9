# A Manager's dict and list shared by spawned children through proxies.
import multiprocessing

def record(shared_dict, shared_list, key):
    shared_dict[key] = key * 10
    shared_list.append(key)

if __name__ == "__main__":
    multiprocessing.set_start_method("spawn")
    with multiprocessing.Manager() as manager:
        shared_dict = manager.dict()
        shared_list = manager.list()
        procs = [multiprocessing.Process(target=record, args=(shared_dict, shared_list, k)) for k in range(4)]
        for p in procs:
            p.start()
        for p in procs:
            p.join()
        print(sorted(shared_dict.items()), sorted(shared_list))
        print(len(shared_dict), dict(sorted(shared_dict.copy().items())))
    print("manager shut down")
